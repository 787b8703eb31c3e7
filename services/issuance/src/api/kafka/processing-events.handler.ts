import { Inject, Injectable } from '@nestjs/common';
import { asIntegrationEvent, DossierResolved, Envelope, EventData } from '@motcua/contracts';
import { EventStore, handleCommand } from '@motcua/event-store';
import { EVENT_STORE, IntegrationEventHandler } from '@motcua/messaging';
import { ElectronicIssuance } from '../../application/issue-electronic-result/electronic-issuance';
import { resultCodec } from '../../application/result-stream';
import { resultDecider } from '../../domain/result/result.decider';
import type { Resolution } from '../../domain/result/result.events';

/**
 * Processing's decision opens the dossier's result; where the procedure allows an e-result and
 * digitisation already reported the document, it is signed in the same inbox transaction.
 */
@Injectable()
export class ProcessingEventsHandler implements IntegrationEventHandler {
  readonly handles = ['DossierResolved'] as const;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly electronic: ElectronicIssuance,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const event = asIntegrationEvent(envelope);
    // Everything else processing says happens before the decision and concerns no result.
    if (event.type !== 'DossierResolved') return;
    const resolution = toResolution(event.data);
    await handleCommand(this.store, resolution.dossierId, resultDecider, resultCodec, { type: 'NoteResolution', resolution });
    await this.electronic.resolutionNoted(resolution);
  }
}

/** The facts a result needs; the first result document is the result, the others its annexes. */
export function toResolution(data: EventData<typeof DossierResolved>): Resolution {
  const [first] = data.resultDocuments;
  return {
    dossierId: data.dossierId,
    code: data.code,
    outcome: data.outcome,
    resolvedAt: data.resolvedAt,
    unit: data.unit,
    issuer: data.decidingStep?.agency ?? data.unit,
    procedureCode: data.procedureCode,
    procedureVersion: data.procedureVersion,
    applicantRef: data.applicantRef,
    eResultAllowed: data.eResultAllowed,
    returnsDocument: data.returnsDocument,
    delivery: data.delivery,
    channel: data.channel,
    resultDocument: first ? { documentId: first.documentId, name: first.name, ...(first.sha256 ? { sha256: first.sha256 } : {}) } : null,
    ...(data.portal === undefined ? {} : { portal: data.portal }),
  };
}
