import { Inject, Injectable } from '@nestjs/common';
import { asIntegrationEvent, Envelope } from '@motcua/contracts';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE, IntegrationEventHandler, NotYetKnownError } from '@motcua/messaging';
import { Bills } from '../../application/bill-stream';

/**
 * A stop closes the bill and refunds where the rule is FULL_ON_WITHDRAWAL_OR_STOP. Processing's
 * topic may run ahead of intake's: a stop for a dossier whose reception has not reached us yet is
 * parked until it does.
 */
@Injectable()
export class ProcessingEventsHandler implements IntegrationEventHandler {
  readonly handles = ['ProcessingStopped'] as const;

  constructor(
    private readonly bills: Bills,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const event = asIntegrationEvent(envelope);
    if (event.type !== 'ProcessingStopped') return;
    if ((await this.store.streamVersion(event.subject)) === 0) throw new NotYetKnownError(event.subject);
    await this.bills.record(event.subject, { type: 'CloseBill', reason: 'STOPPED', at: new Date(event.data.stoppedAt) });
  }
}
