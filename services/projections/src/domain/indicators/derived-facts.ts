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
