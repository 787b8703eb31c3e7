import { Inject, Injectable } from '@nestjs/common';
import { asIntegrationEvent, Envelope } from '@motcua/contracts';
import { EventStore, handleCommand } from '@motcua/event-store';
import { EVENT_STORE, IntegrationEventHandler } from '@motcua/messaging';
import { resultCodec } from '../../application/result-stream';
import { resultDecider } from '../../domain/result/result.decider';

/**
 * Issuance reads intake's topic for one fact only: a reorganisation moved a dossier to a
 * successor unit, so a result resolved but not yet handed over moves with it. Everything else
 * intake says reaches issuance through processing's decision, and is skipped unread. Runs inside
 * the inbox transaction.
 */
@Injectable()
export class IntakeEventsHandler implements IntegrationEventHandler {
  readonly handles = ['DossierTransferred'] as const;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async handle(envelope: Envelope): Promise<void> {
    const event = asIntegrationEvent(envelope);
    if (event.type !== 'DossierTransferred') return;
    // Not resolved yet: nothing here to move, and processing's decision will name the successor.
    await handleCommand(this.store, event.data.dossierId, resultDecider, resultCodec, { type: 'TransferResult', transfer: event.data });
  }
}
