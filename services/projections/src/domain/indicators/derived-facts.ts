import type { Pause, WorkingCalendar } from '@motcua/calendar';
import type { IndicatorInput } from './indicator-input';

/**
 * The two facts that need the unit's working calendar. The projection computes them when it
 * applies an event and stores them on the row, so SQL (which has no working calendar) and these
 * rules read the same numbers.
 */

/** One working day of office time left: processing's due-soon reminder uses the same window. */
export const DUE_SOON_WORKING_MINUTES = 450;

type ClockFacts = Pick<IndicatorInput, 'receivedAt' | 'resolvedAt' | 'supplementRequests' | 'paymentWaitFrom' | 'paymentWaitUntil'>;

/**
 * 766 §2.2: office time from reception to resolution, less the applicant's supplement waits and a
 * pay-first wait, as the legal clock counts it. Null until resolved.
 */
export function resolutionWorkingMinutes(d: ClockFacts, calendar: WorkingCalendar): number | null {
  if (!d.receivedAt || !d.resolvedAt) return null;
  const pauses: Pause[] = d.supplementRequests.map((s) => ({ from: s.requestedAt, to: s.answeredAt ?? undefined }));
  if (d.paymentWaitFrom) pauses.push({ from: d.paymentWaitFrom, to: d.paymentWaitUntil ?? undefined });
  return Math.round(calendar.elapsedWorkingMinutes(d.receivedAt, d.resolvedAt, pauses));
}

/**
 * The first instant from which at most `window` minutes of office time remain before `dueAt`.
 * Office time left only shrinks as time passes, so the instant is found by bisection on whole
 * minutes over the calendar's own count (exact to the minute) — no second copy of office hours.
 */
export function dueSoonFrom(dueAt: Date, calendar: WorkingCalendar, window = DUE_SOON_WORKING_MINUTES): Date {
  const minute = 60_000;
  let early = dueAt.getTime() - 60 * 86_400_000;
  let late = dueAt.getTime();
  while (calendar.workingMinutesBetween(new Date(early), dueAt) <= window) early -= 60 * 86_400_000;
  // Invariant: more than `window` left at `early`, at most `window` left at `late`.
  while (late - early > minute) {
    const middle = early + Math.max(1, Math.floor((late - early) / minute / 2)) * minute;
    if (calendar.workingMinutesBetween(new Date(middle), dueAt) <= window) late = middle;
    else early = middle;
  }
  return new Date(late);
}
