import { calendarFor, isDueSoon, WorkingCalendar } from '@motcua/calendar';
import { assertNever } from '@motcua/platform/errors';
import { currentStepMinutes } from './agency-time';
import type { CaseCommand } from './case.commands';
import { CaseFinishedError, CaseNotFoundError, CaseStateError, ExtensionTooLateError, PaymentNotOverdueError } from './case.errors';
import type { CaseEvent } from './case.events';
import { paymentOverdue } from './case.payment';
import { resolution } from './case.resolution';
import { CaseState, evolveCase, initialCaseState } from './case.state';

const FINISHED = ['RESOLVED', 'STOPPED', 'WITHDRAWN'];
/** Facts learnt from other services: when they do not concern the case, they change nothing. */
const FACTS_FROM_ELSEWHERE: ReadonlySet<CaseCommand['type']> = new Set(['RecordPayment', 'RecordPaymentExpiry', 'Withdraw', 'CheckDeadline', 'ResumeAfterSupplement', 'Transfer']);

/**
 * The department's rules for one dossier. Pure: every instant comes with the command, and the
 * calendar (working time, holidays) is the one the dossier was received under, recorded with it
 * at reception; `fallback` is for dossiers received before the calendar was recorded.
 */
export function caseDecider(fallback: WorkingCalendar) {
  const rules = new WeakMap<WorkingCalendar, ReturnType<typeof caseRules>>();
  const rulesOf = (calendar: WorkingCalendar) => {
    let found = rules.get(calendar);
    if (!found) rules.set(calendar, (found = caseRules(calendar)));
    return found;
  };
  function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
    const terms = state.opened ? state.opened.calendar : command.type === 'OpenCase' ? command.received.calendar : undefined;
    return rulesOf(terms ? calendarFor(terms) : fallback)(command, state);
  }
  return { initialState: initialCaseState, evolve: evolveCase, decide };
}

/** The rules in one calendar. */
function caseRules(calendar: WorkingCalendar) {
  function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
    if (command.type === 'OpenCase') {
      // Kafka may deliver DossierReceived again after a crash: the inbox dedupes, and so does this.
      if (state.status !== 'NONE') return [];
      return open(command.received);
    }
    // Withdrawn, or supplemented after a desk return, before reception: there is no case to touch.
    if ((command.type === 'Withdraw' || command.type === 'ResumeAfterSupplement' || command.type === 'Transfer') && state.status === 'NONE') return [];
    if (state.status === 'NONE' || !state.opened) throw new CaseNotFoundError();
    if (FINISHED.includes(state.status)) {
      if (FACTS_FROM_ELSEWHERE.has(command.type)) return [];
      throw new CaseFinishedError(state.status);
    }
    if (command.type === 'Transfer') {
      // A case the merged unit has no part in, or one already moved, stays as it is.
      const { fromUnit } = command.transfer;
      const concerned = state.opened.unit === fromUnit || state.agency === fromUnit || state.opened.procedure.agencies.includes(fromUnit);
      return concerned ? [{ type: 'CaseTransferred', data: command.transfer }] : [];
    }
    const dossierId = state.opened.dossierId;
    const at = command.at.toISOString();

    switch (command.type) {
      case 'Assign':
        return [
          {
            type: 'CaseAssigned',
            data: { dossierId, assignedAt: at, agency: state.agency ?? state.opened.unit, step: state.step, department: command.department, officerId: command.officerId },
          },
        ];
      case 'HandOff': {
        const agencies = state.opened.procedure.agencies;
        const next = agencies[state.step];
        if (!next) throw new CaseStateError('CASE.NO_NEXT_AGENCY', 'The case is at the last agency of the procedure');
        if (state.status === 'PAUSED') throw new CaseStateError('CASE.PAUSED', 'A paused case cannot be handed off');
        return [
          {
            type: 'CaseHandedOff',
            data: { dossierId, handedOffAt: at, fromAgency: state.agency ?? agencies[0], toAgency: next, workingMinutesSpent: currentStepMinutes(calendar, state, command.at) },
          },
          { type: 'CaseAssigned', data: { dossierId, assignedAt: at, agency: next, step: state.step + 1 } },
        ];
      }
      case 'RequestSupplement':
        if (state.status === 'PAUSED') throw new CaseStateError('CASE.PAUSED', 'The case is already waiting');
        return [
          {
            type: 'SupplementRequested',
            data: { dossierId, requestId: command.requestId, requestedAt: at, missing: command.missing, agency: state.agency ?? '', officerId: command.officerId, sequence: state.supplementRequests + 1 },
          },
          { type: 'ProcessingPaused', data: { dossierId, pausedAt: at, reason: 'SUPPLEMENT' } },
        ];
      case 'ResumeAfterSupplement':
        // The desk's answer resumes only the request it answers; an answer naming no request
        // answers the pending one.
        if (state.pause?.reason !== 'SUPPLEMENT') return [];
        if (command.requestId !== undefined && command.requestId !== state.pendingSupplementRequestId) return [];
        return [resume(state, command.at)];
      case 'RecordPayment':
        // A payment for a case that does not wait for one changes nothing (pay-later procedures).
        return state.pause?.reason === 'AWAITING_PAYMENT' ? [resume(state, command.at)] : [];
      case 'RecordPaymentExpiry':
        return paymentOverdue(state, command);
      case 'ExtendDeadline': {
        if (!state.dueAt || command.at.getTime() >= Date.parse(state.dueAt)) throw new ExtensionTooLateError();
        const dueAt = calendar.addWorkingMinutes(new Date(state.dueAt), calendar.toWorkingMinutes(command.by)).toISOString();
        return [{ type: 'DeadlineExtended', data: { dossierId, extendedAt: at, previousDueAt: state.dueAt, dueAt, reason: command.reason, approvedBy: command.approvedBy } }];
      }
      case 'Resolve':
        if (state.status === 'PAUSED') throw new CaseStateError('CASE.PAUSED', 'A paused case cannot be resolved');
        return [resolution(state, command, currentStepMinutes(calendar, state, command.at))];
      case 'StopProcessing':
        if (command.ground === 'NON_PAYMENT' && !(state.pause?.reason === 'AWAITING_PAYMENT' && state.paymentOverdue)) throw new PaymentNotOverdueError();
        return [{ type: 'ProcessingStopped', data: { dossierId, stoppedAt: at, reason: command.reason, decidedBy: command.decidedBy, ground: command.ground ?? 'OTHER' } }];
      case 'Withdraw':
        return [{ type: 'CaseWithdrawn', data: { dossierId, withdrawnAt: at } }];
      case 'CheckDeadline':
        return checkDeadline(state, command.at, command.dueSoonWithinMinutes);
      case 'IssueApology':
        if (state.apology) throw new CaseStateError('CASE.APOLOGY_ALREADY_ISSUED', 'An apology was already issued for this dossier');
        return [apology(state, command.at, command.reason, command.issuedBy)];
      default:
        return assertNever(command);
    }
  }

  /** Due soon: a reminder. Overdue: recorded, with the apology and a new appointment, once. */
  function checkDeadline(state: CaseState, at: Date, dueSoonWithinMinutes: number): CaseEvent[] {
    // A paused case's clock stands still: it cannot fall due meanwhile.
    if (state.status !== 'OPEN' || !state.dueAt || !state.opened) return [];
    const dossierId = state.opened.dossierId;
    const due = new Date(state.dueAt);
    const agency = state.agency ?? state.opened.unit;
    // Once overdue is recorded a reminder is moot, even if a later pause moved the due date again.
    if (state.overdueRecorded) return [];
    if (at > due) {
      const events: CaseEvent[] = [{ type: 'DossierOverdue', data: { dossierId, detectedAt: at.toISOString(), dueAt: state.dueAt, agency } }];
      if (!state.apology) events.push(apology(state, at, 'Hồ sơ quá hạn giải quyết'));
      return events;
    }
    if (!state.dueSoonNotified && isDueSoon(at, due, calendar, dueSoonWithinMinutes)) {
      return [{ type: 'DossierDueSoon', data: { dossierId, detectedAt: at.toISOString(), dueAt: state.dueAt, agency } }];
    }
    return [];
  }

  /**
   * Mẫu 04. The new appointment gives the agency half the procedure's processing time again, at
   * least one working day, from the later of now and the due date. It never moves the due date:
   * the on-time verdict stays with the original.
   */
  function apology(state: CaseState, at: Date, reason: string, issuedBy?: string): CaseEvent {
    const opened = state.opened as NonNullable<CaseState['opened']>;
    const dueAt = state.dueAt ?? opened.dueAt;
    const from = new Date(Math.max(at.getTime(), Date.parse(dueAt)));
    const grace = Math.max(calendar.workingDayMinutes, calendar.toWorkingMinutes(opened.procedure.processingTime) / 2);
    return {
      type: 'ApologyIssued',
      data: {
        dossierId: opened.dossierId,
        issuedAt: at.toISOString(),
        dueAt,
        newAppointmentAt: calendar.addWorkingMinutes(from, grace).toISOString(),
        reason,
        agency: state.agency ?? opened.unit,
        ...(issuedBy ? { issuedBy } : {}),
      },
    };
  }

  function open(received: Extract<CaseEvent, { type: 'CaseOpened' }>['data']): CaseEvent[] {
    const agency = received.procedure.agencies[0] ?? received.unit;
    const events: CaseEvent[] = [
      { type: 'CaseOpened', data: received },
      { type: 'CaseAssigned', data: { dossierId: received.dossierId, assignedAt: received.receivedAt, agency, step: 1 } },
    ];
    // Pay-first procedures wait for the fee from reception on; that wait is not a supplement.
    if (received.procedure.payFirst) events.push({ type: 'ProcessingPaused', data: { dossierId: received.dossierId, pausedAt: received.receivedAt, reason: 'AWAITING_PAYMENT' } });
    return events;
  }

  function resume(state: CaseState, at: Date): CaseEvent {
    const pause = state.pause as NonNullable<CaseState['pause']>;
    // The due date moves by the exact working time paused: rounding each pause would let a due
    // date moved in parts drift from the calendar's due date for all the pauses at once.
    const paused = calendar.workingMinutesBetween(new Date(pause.from), at);
    const dueAt = calendar.addWorkingMinutes(new Date(state.dueAt as string), paused).toISOString();
    return {
      type: 'ProcessingResumed',
      data: { dossierId: (state.opened as { dossierId: string }).dossierId, resumedAt: at.toISOString(), reason: pause.reason, pausedWorkingMinutes: Math.round(paused), dueAt },
    };
  }

  return decide;
}
