import type { RecordedEvent } from '@motcua/event-store';
import { integrationEvents } from '@motcua/contracts';
import type { ResultEvent } from '../domain/result/result.events';
import { publishedResultEvent, resultCodec } from './result-stream';

const dossierId = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const sha256 = 'b'.repeat(64);
const signature = `${'A'.repeat(86)}==`;

function recorded(event: ResultEvent): RecordedEvent {
  const stored = resultCodec.encode(event);
  return { ...stored, streamId: dossierId, streamVersion: 1, schemaVersion: 1, metadata: stored.metadata ?? {}, log: { transactionId: '1', position: '1' }, recordedAt: new Date() };
}

describe('what leaves the service', () => {
  it('publishes ResultIssued in the contract shape, without the manifest, at its domain time', () => {
    const issued: ResultEvent = {
      type: 'ResultIssued',
      data: {
        dossierId,
        code: 'H56.22-250310-0042',
        issuedAt: '2025-03-10T03:00:00.000Z',
        applicantRef: 'a'.repeat(64),
        result: { form: 'ELECTRONIC', documentId: 'doc-r', sha256, keyId: 'key-1', algorithm: 'Ed25519', signature },
        manifest: {
          version: 1,
          dossierId,
          code: 'H56.22-250310-0042',
          procedure: { code: 'SAMPLE.DD.01', version: 1 },
          outcome: 'APPROVED',
          issuer: 'H56.22',
          resolvedAt: '2025-03-10T03:00:00.000Z',
          issuedAt: '2025-03-10T03:00:00.000Z',
          document: { documentId: 'doc-r', sha256, mediaType: 'application/pdf' },
          keyId: 'key-1',
          algorithm: 'Ed25519',
        },
      },
    };
    const message = publishedResultEvent(recorded(issued), 'motcua/issuance');
    if (!message) throw new Error('ResultIssued must be published');
    // Decoding validates against the contract's strict schema: an extra field would fail here.
    const envelope = integrationEvents.decode(message.value);
    expect(envelope).toMatchObject({ type: 'ResultIssued', subject: dossierId, time: '2025-03-10T03:00:00.000Z' });
    expect(envelope.data).not.toHaveProperty('manifest');
    expect(message.key).toBe(dossierId);
  });

  it('keeps the internal events home', () => {
    const blocked: ResultEvent = { type: 'IssuanceBlocked', data: { dossierId, blockedAt: '2025-03-10T03:00:00.000Z', documentId: 'doc-r', reason: 'DOCUMENT_HASH_MISMATCH' } };
    expect(publishedResultEvent(recorded(blocked), 'motcua/issuance')).toBeUndefined();
  });
});
