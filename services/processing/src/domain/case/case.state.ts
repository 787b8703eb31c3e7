import type { FormerUnit } from '@motcua/platform';
import { assertNever } from '@motcua/platform/errors';
import type { AgencyShare } from './agency-time';
import type { CaseEvent } from './case.events';

export type CaseStatus = 'NONE' | 'OPEN' | 'PAUSED' | 'RESOLVED' | 'STOPPED' | 'WITHDRAWN';
type Opened = Extract<CaseEvent, { type: 'CaseOpened' }>['data'];
type Resolved = Extract<CaseEvent, { type: 'DossierResolved' }>['data'];

export interface CaseState {
  status: CaseStatus;
  opened?: Opened;
  dueAt?: string;
  step: number;
  agency?: string;
  /** Who holds the current step within its agency; cleared when the step changes. */
  department?: string;
  officerId?: string;
  /** Each agency's working time, in step order: the steps handed off, then the one that decided. */
  agencyShares: AgencyShare[];
  pause?: { from: string; reason: 'SUPPLEMENT' | 'AWAITING_PAYMENT' };
  pausedWorkingMinutes: number;
  /** Every pause closed, in order: when it began and when processing resumed the case. */
  pastPauses: { reason: 'SUPPLEMENT' | 'AWAITING_PAYMENT'; since: string; until: string }[];
  /** The due date as set when the case opened, then every time processing moved it. */
  dueChanges: { changedAt: string; dueAt: string; cause: 'OPENED' | 'RESUMED' | 'EXTENDED' }[];
  supplementRequests: number;
  /** The supplement request the case waits for: only the desk's answer to it resumes the case. */
  pendingSupplementRequestId?: string;
  dueSoonNotified: boolean;
  overdueRecorded: boolean;
  apology?: { issuedAt: string; newAppointmentAt: string; reason: string };
  /** The fee awaited is overdue: a request expired unpaid (the latest, and how many have). Ends when paid. */
  paymentOverdue?: { since: string; paymentId: string; reminders: number };
  resolution?: Pick<Resolved, 'outcome' | 'resolvedAt' | 'onTime'>;
  stop?: { stoppedAt: string; reason: string };
  /** The unit a reorganisation moved the case from, whose officers may act until the transition window ends. */
  former?: FormerUnit;
}

export const initialCaseState: CaseState = {
  status: 'NONE',
  step: 0,
  agencyShares: [],
  pausedWorkingMinutes: 0,
  pastPauses: [],
  dueChanges: [],
  supplementRequests: 0,
  dueSoonNotified: false,
  overdueRecorded: false,
};

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'CaseOpened':
      return {
        ...state,
        status: 'OPEN',
        opened: event.data,
        dueAt: event.data.dueAt,
        dueChanges: [{ changedAt: event.data.receivedAt, dueAt: event.data.dueAt, cause: 'OPENED' }],
      };
    case 'CaseAssigned': {
      const holder = { department: event.data.department, officerId: event.data.officerId };
      // A new holder within the same step keeps the step's clock: the agency is charged from its start.
      if (event.data.step === state.step) return { ...state, ...holder };
      return { ...state, ...holder, step: event.data.step, agency: event.data.agency };
    }
    case 'CaseHandedOff':
      return { ...state, agencyShares: [...state.agencyShares, { step: state.step, agency: event.data.fromAgency, workingMinutes: event.data.workingMinutesSpent }] };
    case 'SupplementRequested':
      return { ...state, supplementRequests: event.data.sequence, pendingSupplementRequestId: event.data.requestId };
    case 'ProcessingPaused':
      return { ...state, status: 'PAUSED', pause: { from: event.data.pausedAt, reason: event.data.reason } };
    case 'ProcessingResumed':
      return {
        ...state,
        status: 'OPEN',
        pause: undefined,
        pendingSupplementRequestId: undefined,
        paymentOverdue: undefined,
        dueAt: event.data.dueAt,
        pastPauses: state.pause ? [...state.pastPauses, { reason: state.pause.reason, since: state.pause.from, until: event.data.resumedAt }] : state.pastPauses,
        dueChanges: withDueChange(state, event.data.resumedAt, event.data.dueAt, 'RESUMED'),
        pausedWorkingMinutes: state.pausedWorkingMinutes + event.data.pausedWorkingMinutes,
      };
    case 'DeadlineExtended':
      return { ...state, dueAt: event.data.dueAt, dueChanges: withDueChange(state, event.data.extendedAt, event.data.dueAt, 'EXTENDED') };
    case 'DossierDueSoon':
      return { ...state, dueSoonNotified: true };
    case 'DossierOverdue':
      return { ...state, overdueRecorded: true };
    case 'ApologyIssued':
      return { ...state, apology: { issuedAt: event.data.issuedAt, newAppointmentAt: event.data.newAppointmentAt, reason: event.data.reason } };
    case 'PaymentOverdue':
      return { ...state, paymentOverdue: { since: state.paymentOverdue?.since ?? event.data.expiredAt, paymentId: event.data.paymentId, reminders: event.data.reminder } };
    case 'DossierResolved': {
      const decided = event.data.decidingStep;
      const agencyShares = decided ? [...state.agencyShares, { step: decided.step, agency: decided.agency, workingMinutes: decided.workingMinutesSpent }] : state.agencyShares;
      return { ...state, status: 'RESOLVED', agencyShares, resolution: { outcome: event.data.outcome, resolvedAt: event.data.resolvedAt, onTime: event.data.onTime } };
    }
    case 'ProcessingStopped':
      return { ...state, status: 'STOPPED', stop: { stoppedAt: event.data.stoppedAt, reason: event.data.reason } };
    case 'CaseWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    case 'CaseTransferred': {
      // The merged unit's part of the procedure is the successor's: its steps, and the desk.
      const { fromUnit, toUnit, transitionEndsAt } = event.data;
      const moved = (unit: string) => (unit === fromUnit ? toUnit : unit);
      if (!state.opened) return state;
      const procedure = { ...state.opened.procedure, agencies: state.opened.procedure.agencies.map(moved) };
      return { ...state, opened: { ...state.opened, unit: moved(state.opened.unit), procedure }, agency: state.agency && moved(state.agency), former: { unit: fromUnit, until: transitionEndsAt } };
    }
    default:
      return assertNever(event);
  }
}


/** A resumption that did not move the due date (a pause outside working hours) is no change. */
function withDueChange(state: CaseState, changedAt: string, dueAt: string, cause: 'RESUMED' | 'EXTENDED'): CaseState['dueChanges'] {
  const current = state.dueChanges[state.dueChanges.length - 1];
  if (current && Date.parse(current.dueAt) === Date.parse(dueAt)) return state.dueChanges;
  return [...state.dueChanges, { changedAt, dueAt, cause }];
}
