import type { Pause, WorkingCalendar } from '@motcua/calendar';
import { finishedVerdict } from './dossier-clock';
import type { IndicatorInput } from './indicator-input';

/**
 * Facts the projection derives when it applies an event and stores on the row: two need the
 * unit's working calendar, which SQL does not have; the verdict at the finish is fixed once the
 * dossier is finished, so SQL need not recompute it for every period.
 */

/** The 766 §2.1 verdict at the finish; null while unfinished. */
export function finishedOnTime(d: IndicatorInput): boolean | null {
  return finishedVerdict(d)?.onTime ?? null;
}

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
