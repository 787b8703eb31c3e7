import { Inject, Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@motcua/calendar';
import { asIntegrationEvent, Envelope, IntegrationEvent } from '@motcua/contracts';
import { EventStore, handleCommand } from '@motcua/event-store';
import { EVENT_STORE, IntegrationEventHandler, NotYetKnownError } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { caseCodec } from '../../application/case-stream';
import { caseDecider } from '../../domain/case/case.decider';
import { CaseNotFoundError } from '../../domain/case/case.errors';

/**
 * Payment tells processing that a dossier's fee is settled; a pay-first case resumes its clock
 * from that moment. Runs inside the inbox transaction.
 */
@Injectable()
export class PaymentEventsHandler implements IntegrationEventHandler {
  readonly handles = ['PaymentSucceeded', 'FeeAssessed'] as const;

  private readonly decider = caseDecider(new WorkingCalendar());

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const settledAt = settlement(asIntegrationEvent(envelope));
    if (!settledAt) return;
    try {
      await handleCommand(this.store, envelope.subject, this.decider, caseCodec(this.clock), { type: 'RecordPayment', at: settledAt });
    } catch (error) {
      // Payment's topic is not ordered against intake's: a payment read before DossierReceived
      // waits, parked, until the case opens.
      if (error instanceof CaseNotFoundError) throw new NotYetKnownError(envelope.subject);
      throw error;
    }
  }
}

/**
 * When the fee stopped standing in the way: paid, or assessed at nothing (an online exemption
 * or a fee-free procedure), for which payment requests nothing and no payment ever comes.
 * Requests, failures, expiries and refunds do not move the case.
 */
function settlement(event: IntegrationEvent): Date | undefined {
  if (event.type === 'PaymentSucceeded') return new Date(event.data.paidAt);
  if (event.type === 'FeeAssessed' && event.data.total === 0) return new Date(event.data.assessedAt);
  return undefined;
}
