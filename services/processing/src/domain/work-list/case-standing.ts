import type { WorkingCalendar } from '@motcua/calendar';

/** Where an open case stands against its due date, as an officer's work list shows it. */
export interface CaseStanding {
  /** Office minutes left before the due date; negative: office minutes past it. */
  workingMinutesLeft: number;
  dueSoon: boolean;
  overdue: boolean;
}

export interface CaseClock {
  dueAt: Date;
  /** From the calendar's due-soon rule (`dueSoonFrom`), as stored with the due date. */
  dueSoonFrom: Date;
  /** The open pause's start: a paused case's clock stands still there. */
  pausedSince?: Date;
}

/**
 * The case at `now`: a paused case is judged at its pause's start, since the time it waits is not
 * charged to the agency (the due date moves on when it resumes). The SQL filter of the list
 * applies the same two comparisons to the same columns.
 */
export function caseStanding(clock: CaseClock, now: Date, calendar: WorkingCalendar): CaseStanding {
  const at = clock.pausedSince && clock.pausedSince < now ? clock.pausedSince : now;
  const overdue = at > clock.dueAt;
  const minutes = Math.round(overdue ? calendar.workingMinutesBetween(clock.dueAt, at) : calendar.workingMinutesBetween(at, clock.dueAt));
  return {
    workingMinutesLeft: overdue && minutes > 0 ? -minutes : minutes,
    dueSoon: !overdue && at >= clock.dueSoonFrom,
    overdue,
  };
}
