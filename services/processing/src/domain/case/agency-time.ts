import type { WorkingCalendar } from '@motcua/calendar';
import type { CaseState } from './case.state';

/** One agency's share of a case's working time: a step handed off, or the step that decided. */
export interface AgencyShare {
  step: number;
  agency: string;
  workingMinutes: number;
}

/** The case's working time from reception to `at`, pauses excluded, in whole minutes. */
export function caseWorkingMinutes(calendar: WorkingCalendar, state: CaseState, at: Date): number {
  const opened = state.opened as NonNullable<CaseState['opened']>;
  return Math.round(calendar.workingMinutesBetween(new Date(opened.receivedAt), at)) - Math.round(state.pausedWorkingMinutes);
}

/**
 * The working time the current step's agency has spent by `at`: the case's working time so far
 * less what the earlier agencies were charged. Steps follow one another from reception on and a
 * case is never handed off or decided while paused, so each pause lies within one step and is
 * charged to no one. Rounding the running total rather than each share keeps the shares adding up
 * to the case's working time exactly.
 */
export function currentStepMinutes(calendar: WorkingCalendar, state: CaseState, at: Date): number {
  const charged = state.agencyShares.reduce((sum, share) => sum + share.workingMinutes, 0);
  return Math.max(0, caseWorkingMinutes(calendar, state, at) - charged);
}
