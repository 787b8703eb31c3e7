import { createHash, randomUUID } from 'node:crypto';
import { DocumentStored, DossierResolved, DossierTransferred, EventData, Topics } from '@motcua/contracts';
import type { Clock } from '@motcua/platform';
import { InProcessService, startInProcessService } from '@motcua/testing';
import { IssuanceConfig } from '../issuance.config';
import { IssuanceModule } from '../issuance.module';

/**
 * Issuance in-process on its own database and consumer groups; intake's, processing's and
 * digitisation's topics exist to publish to. `clock`: the time it reads, for specs that move it.
 */
export function startIssuance(prefix: string, clock?: Clock): Promise<InProcessService> {
  return startInProcessService(IssuanceModule, {
    service: 'issuance',
    config: IssuanceConfig,
    bootstrap: { multipart: true },
    isolate: { prefix },
    env: { SIGNING_KEY_SECRET: 'issuance-test-signing-key-secret-0123456789', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
    topics: [Topics.intake, Topics.processing, Topics.digitisation, Topics.issuance],
    ...(clock ? { clock } : {}),
  });
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Processing's decision as it publishes it (contracts shape, sample values). */
export function dossierResolved(overrides: Partial<EventData<typeof DossierResolved>> = {}): EventData<typeof DossierResolved> {
  // An online dossier was submitted by the portal the in-process service's `portal()` speaks for.
  const online = (overrides.channel ?? 'ONLINE') === 'ONLINE';
  return {
    ...(online ? { portal: 'test-portal' } : {}),
    dossierId: randomUUID(),
    code: 'H56.22-250310-0042',
    outcome: 'APPROVED',
    resolvedAt: '2025-03-10T03:00:00.000Z',
    receivedAt: '2025-03-03T02:00:00.000Z',
    dueAt: '2025-03-17T02:00:00.000Z',
    onTime: true,
    supplementCount: 0,
    pausedWorkingMinutes: 0,
    resultDocuments: [{ documentId: `doc-${randomUUID()}`, name: 'Giấy chứng nhận' }],
    channel: 'ONLINE',
    delivery: 'ONLINE',
    applicantRef: 'a'.repeat(64),
    unit: 'H56.22',
    procedureCode: 'SAMPLE.DD.01',
    procedureVersion: 1,
    eResultAllowed: true,
    returnsDocument: true,
    decidedBy: 'leader@H56.22',
    ...overrides,
  };
}

export function documentStored(documentId: string, bytes: Buffer, storedAt = '2025-03-10T02:30:00.000Z'): EventData<typeof DocumentStored> {
  return { documentId, storedAt, sha256: sha256(bytes), mediaType: 'application/pdf', bytes: bytes.length, origin: 'RESULT' };
}

/** Stands in for intake, processing and digitisation: their events as they publish them, on their real topics. */
export const peersOf = (service: InProcessService) => ({
  resolve: (data: EventData<typeof DossierResolved>) => service.publish(Topics.processing, DossierResolved, data.dossierId, data, data.resolvedAt),
  store: (data: EventData<typeof DocumentStored>) => service.publish(Topics.digitisation, DocumentStored, data.documentId, data, data.storedAt),
  transfer: (data: EventData<typeof DossierTransferred>) => service.publish(Topics.intake, DossierTransferred, data.dossierId, data, data.transferredAt),
});
