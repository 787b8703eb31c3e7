import { Inject, Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@motcua/calendar';
import { asIntegrationEvent, Envelope, IntegrationEvent } from '@motcua/contracts';
import { EventStore, handleCommand } from '@motcua/event-store';
import { EVENT_STORE, IntegrationEventHandler, NotYetKnownError } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { caseCodec } from '../../application/case-stream';
import type { CaseCommand } from '../../domain/case/case.commands';
import { caseDecider } from '../../domain/case/case.decider';
import { CaseNotFoundError } from '../../domain/case/case.errors';

/**
 * Payment tells processing that a dossier's fee is settled (a pay-first case resumes its clock
 * from that moment) or that a request expired unpaid (the case records the payment overdue).
 * Runs inside the inbox transaction.
 */
@Injectable()
export class PaymentEventsHandler implements IntegrationEventHandler {
  readonly handles = ['PaymentSucceeded', 'FeeAssessed', 'PaymentExpired'] as const;

  private readonly decider = caseDecider(new WorkingCalendar());

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const command = toCommand(asIntegrationEvent(envelope));
    if (!command) return;
    try {
      await handleCommand(this.store, envelope.subject, this.decider, caseCodec(this.clock), command);
    } catch (error) {
      // Payment's topic is not ordered against intake's: a payment read before DossierReceived
      // waits, parked, until the case opens.
      if (error instanceof CaseNotFoundError) throw new NotYetKnownError(envelope.subject);
      throw error;
    }
  }
}

/**
 * The fee stopped standing in the way: paid, or assessed at nothing (an online exemption or a
 * fee-free procedure), for which payment requests nothing and no payment ever comes. Or a request
 * ran out unpaid. Requests, failures and
 * refunds do not move the case.
 */
function toCommand(event: IntegrationEvent): CaseCommand | undefined {
  if (event.type === 'PaymentSucceeded') return { type: 'RecordPayment', at: new Date(event.data.paidAt) };
  if (event.type === 'FeeAssessed' && event.data.total === 0) return { type: 'RecordPayment', at: new Date(event.data.assessedAt) };
  if (event.type === 'PaymentExpired') return { type: 'RecordPaymentExpiry', at: new Date(event.data.expiredAt), paymentId: event.data.paymentId };
  return undefined;
}
