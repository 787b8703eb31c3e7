import { Inject, Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@motcua/calendar';
import { asIntegrationEvent, Envelope } from '@motcua/contracts';
import { EventStore, handleCommand } from '@motcua/event-store';
import { EVENT_STORE, IntegrationEventHandler, NotYetKnownError } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { caseCodec } from '../../application/case-stream';
import { caseDecider } from '../../domain/case/case.decider';
import { CaseNotFoundError } from '../../domain/case/case.errors';

/**
 * Payment tells processing that a dossier has paid; a pay-first case resumes its clock from the
 * moment of payment. Runs inside the inbox transaction.
 */
@Injectable()
export class PaymentEventsHandler implements IntegrationEventHandler {
  private readonly decider = caseDecider(new WorkingCalendar());

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const event = asIntegrationEvent(envelope);
    // Assessments, requests, failures, expiries and refunds do not move the case.
    if (event.type !== 'PaymentSucceeded') return;
    try {
      await handleCommand(this.store, envelope.subject, this.decider, caseCodec(this.clock), { type: 'RecordPayment', at: new Date(event.data.paidAt) });
    } catch (error) {
      // Payment's topic is not ordered against intake's: a payment read before DossierReceived
      // waits, parked, until the case opens.
      if (error instanceof CaseNotFoundError) throw new NotYetKnownError(envelope.subject);
      throw error;
    }
  }
}
