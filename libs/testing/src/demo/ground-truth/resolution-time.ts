import { WorkingCalendar } from '@motcua/calendar';
import type { DemoDossier } from '../demo-dossier';
import { receivedAt, resolvedAt } from './dossier-verdict';
import type { Month } from './months';

export type TimeUnit = 'WORKING_DAYS' | 'WORKING_HOURS';

/**
 * 766 §2.2 for one dossier: the office minutes from reception to resolution by the working
 * calendar, less the office minutes of each wait that is not the agency's — a supplement request
 * until the desk took the applicant's documents, a pay-first procedure's wait for the fee — rounded
 * to the minute once per dossier. The average belongs to the month of reception, once the dossier
 * is resolved; null when the dossier is not in that month's average.
 */
export function resolutionMinutesIn(d: DemoDossier, m: Month, calendar: WorkingCalendar): number | null {
  const received = receivedAt(d);
  const resolved = resolvedAt(d);
  if (received === null || resolved === null || received < m.start || received >= m.end) return null;
  const office = (from: string | number, to: string | number) => calendar.workingMinutesBetween(new Date(from), new Date(to));
  const waits = [...d.supplementRequests.map((s) => ({ from: s.requestedAt, to: s.answeredAt })), ...(d.paymentWait ? [{ from: d.paymentWait.from, to: d.paymentWait.until }] : [])];
  const waited = waits.reduce((sum, w) => sum + office(w.from, w.to ?? resolved), 0);
  return Math.round(office(received, resolved) - waited);
}

/** The sum behind an average, kept in minutes so the unit it is stated in is chosen once, for the whole group. */
export interface ResolutionSum {
  minutes: number;
  count: number;
  allInHours: boolean;
}

export const NO_RESOLUTIONS: ResolutionSum = { minutes: 0, count: 0, allInHours: true };

export const addResolution = (sum: ResolutionSum, minutes: number, unit: TimeUnit): ResolutionSum => ({
  minutes: sum.minutes + minutes,
  count: sum.count + 1,
  allInHours: sum.allInHours && unit === 'WORKING_HOURS',
});

/**
 * As the statistics API states it: the numerator is the sum of resolution times in the
 * procedures' own unit — working hours when every procedure of the group counts in hours, else
 * working days of the calendar's office day — the denominator the number of dossiers, the rate
 * their average.
 */
export function presentResolutions(sum: ResolutionSum, calendar: WorkingCalendar): { numerator: number; denominator: number; timeUnit: TimeUnit } {
  return sum.allInHours
    ? { numerator: sum.minutes / 60, denominator: sum.count, timeUnit: 'WORKING_HOURS' }
    : { numerator: sum.minutes / calendar.workingDayMinutes, denominator: sum.count, timeUnit: 'WORKING_DAYS' };
}
