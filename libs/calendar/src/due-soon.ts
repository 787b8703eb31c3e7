import type { WorkingCalendar } from './working-calendar';

/**
 * Due soon: at most one working day of office time (450 minutes at the default hours) is left
 * before the due date. Processing's reminder, its officers' work list and the projections'
 * due-soon counts all use this one rule.
 */
export const DUE_SOON_WORKING_MINUTES = 450;

/** Whether `at` is within the due-soon window of `dueAt` (and not past it). */
export function isDueSoon(at: Date, dueAt: Date, calendar: WorkingCalendar, window = DUE_SOON_WORKING_MINUTES): boolean {
  return at <= dueAt && calendar.workingMinutesBetween(at, dueAt) <= window;
}

/**
 * The first instant from which at most `window` minutes of office time remain before `dueAt`.
 * Office time left only shrinks as time passes, so the instant is the one boundary of a monotone
 * test on whole minutes before `dueAt`, found over the calendar's own count (no second copy of
 * office hours). Any bracket around it gives the same minute; doubling from one day keeps the
 * bracket, and so each count, a few days long instead of months (Tết included).
 */
export function dueSoonFrom(dueAt: Date, calendar: WorkingCalendar, window = DUE_SOON_WORKING_MINUTES): Date {
  const minute = 60_000;
  const atMostWindowLeft = (instant: number) => calendar.workingMinutesBetween(new Date(instant), dueAt) <= window;
  let late = dueAt.getTime();
  let span = 86_400_000;
  while (atMostWindowLeft(dueAt.getTime() - span)) {
    late = dueAt.getTime() - span;
    span *= 2;
  }
  let early = dueAt.getTime() - span;
  // Invariant: more than `window` left at `early`, at most `window` left at `late`.
  while (late - early > minute) {
    const middle = early + Math.max(1, Math.floor((late - early) / minute / 2)) * minute;
    if (atMostWindowLeft(middle)) late = middle;
    else early = middle;
  }
  return new Date(late);
}
