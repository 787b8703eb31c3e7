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

/** The due-soon rule is processing's reminder rule, shared through the calendar. */
export { DUE_SOON_WORKING_MINUTES, dueSoonFrom } from '@motcua/calendar';

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
