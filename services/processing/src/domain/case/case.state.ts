import type { CaseEvent } from './case.events';

export type CaseStatus = 'NONE' | 'OPEN' | 'PAUSED' | 'RESOLVED' | 'STOPPED' | 'WITHDRAWN';
type Opened = Extract<CaseEvent, { type: 'CaseOpened' }>['data'];

export interface CaseState {
  status: CaseStatus;
  opened?: Opened;
  dueAt?: string;
  step: number;
  agency?: string;
  stepStartedAt?: string;
  /** Working minutes paused since the current step started (not charged to its agency). */
  stepPausedMinutes: number;
  pause?: { from: string; reason: 'SUPPLEMENT' | 'AWAITING_PAYMENT' };
  pausedWorkingMinutes: number;
  supplementRequests: number;
  dueSoonNotified: boolean;
  overdueRecorded: boolean;
  apologyIssued: boolean;
}

export const initialCaseState: CaseState = {
  status: 'NONE',
  step: 0,
  stepPausedMinutes: 0,
  pausedWorkingMinutes: 0,
  supplementRequests: 0,
  dueSoonNotified: false,
  overdueRecorded: false,
  apologyIssued: false,
};

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'CaseOpened':
      return { ...state, status: 'OPEN', opened: event.data, dueAt: event.data.dueAt };
    case 'CaseAssigned':
      return { ...state, step: event.data.step, agency: event.data.agency, stepStartedAt: event.data.assignedAt, stepPausedMinutes: 0 };
    case 'CaseHandedOff':
      return state;
    case 'SupplementRequested':
      return { ...state, supplementRequests: event.data.sequence };
    case 'ProcessingPaused':
      return { ...state, status: 'PAUSED', pause: { from: event.data.pausedAt, reason: event.data.reason } };
    case 'ProcessingResumed':
      return {
        ...state,
        status: 'OPEN',
        pause: undefined,
        dueAt: event.data.dueAt,
        pausedWorkingMinutes: state.pausedWorkingMinutes + event.data.pausedWorkingMinutes,
        stepPausedMinutes: state.stepPausedMinutes + event.data.pausedWorkingMinutes,
      };
    case 'DeadlineExtended':
      return { ...state, dueAt: event.data.dueAt };
    case 'DossierDueSoon':
      return { ...state, dueSoonNotified: true };
    case 'DossierOverdue':
      return { ...state, overdueRecorded: true };
    case 'ApologyIssued':
      return { ...state, apologyIssued: true };
    case 'DossierResolved':
      return { ...state, status: 'RESOLVED' };
    case 'ProcessingStopped':
      return { ...state, status: 'STOPPED' };
    case 'CaseWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    default:
      return assertNever(event);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
