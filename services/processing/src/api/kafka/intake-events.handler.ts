import { Inject, Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@motcua/calendar';
import { asIntegrationEvent, Envelope } from '@motcua/contracts';
import { EventStore, handleCommand } from '@motcua/event-store';
import { EVENT_STORE, IntegrationEventHandler } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { caseDecider } from '../../domain/case/case.decider';
import type { CaseCommand } from '../../domain/case/case.commands';
import { caseCodec } from '../../application/case-stream';

/**
 * Turns intake's events into commands on the handling case. Runs inside the inbox transaction:
 * the case's events and the inbox record commit together.
 */
@Injectable()
export class IntakeEventsHandler implements IntegrationEventHandler {
  readonly handles = ['DossierReceived', 'DossierWithdrawn', 'SupplementProvided', 'DossierTransferred'] as const;

  private readonly decider = caseDecider(new WorkingCalendar());

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const command = toCommand(envelope);
    if (!command) return;
    await handleCommand(this.store, envelope.subject, this.decider, caseCodec(this.clock), command);
  }
}

/** Events carry their domain time; replays never consult the clock. */
function toCommand(envelope: Envelope): CaseCommand | undefined {
  const event = asIntegrationEvent(envelope);
  switch (event.type) {
    case 'DossierReceived':
      return { type: 'OpenCase', received: event.data };
    case 'DossierWithdrawn':
      return { type: 'Withdraw', at: new Date(event.data.withdrawnAt) };
    case 'SupplementProvided':
      // The clock restarts when the documents reached the desk, not when this message arrived.
      // The case ignores an answer to a desk return (no case yet) or to another request.
      return { type: 'ResumeAfterSupplement', at: new Date(event.data.providedAt), requestId: event.data.requestId };
    case 'DossierTransferred': {
      const { dossierId, transferredAt, fromUnit, toUnit, reorganisationId, effectiveAt, transitionEndsAt } = event.data;
      return { type: 'Transfer', transfer: { dossierId, transferredAt, fromUnit, toUnit, reorganisationId, effectiveAt, transitionEndsAt } };
    }
    default:
      // Submissions, desk returns and rejections happen before a case exists.
      return undefined;
  }
}
