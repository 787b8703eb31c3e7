import { WorkingCalendar } from '@motcua/calendar';
import type { DemoDossier } from '../demo-dossier';
import { finishedAt, verdictAtEnd, verdictAtFinish, type Verdict } from './dossier-verdict';
import type { Month } from './months';
import { standingIn } from './populations';

/** The indicator ids, as the statistics API names them, in the order a report lists them. */
export const INDICATOR_IDS = [
  'on_time',
  'on_time_plain',
  'avg_resolution_time',
  'online_share',
  'online_share_plain',
  'online_payment',
  'e_result',
  'digitisation',
  'data_reuse',
  'in_progress',
  'due_soon',
  'overdue_in_progress',
  'late_resolved',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** One working day of the default office hours: "due soon" is at most this much office time before the due date. */
const DUE_SOON_WORKING_MINUTES = 450;

/**
 * A dossier's part in one indicator of one month: in the denominator, and whether also in the
 * numerator. avg_resolution_time is an average of amounts, not a count: see resolution-time.ts.
 */
export type Counted = [Exclude<IndicatorId, 'avg_resolution_time'>, boolean];

export function countedIn(d: DemoDossier, m: Month, calendar: WorkingCalendar): Counted[] {
  const s = standingIn(d, m);
  const counted: Counted[] = [];
  const atEnd: Verdict | null = s.openAtEnd ? verdictAtEnd(d, m.end) : null;
  if (s.toProcess) {
    const verdict = atEnd ?? verdictAtFinish(d, s.finishedIn as number);
    counted.push(['on_time', verdict.onTime], ['in_progress', s.openAtEnd]);
  }
  if (s.resolvedIn) {
    // The finish is the resolution unless the record says something ended it first; the verdict is the finish's.
    const onTime = verdictAtFinish(d, finishedAt(d) as number).onTime;
    counted.push(['on_time_plain', onTime], ['late_resolved', !onTime]);
  }
  if (atEnd) {
    const running = atEnd.stillSince === null;
    const soon = atEnd.onTime && running && calendar.workingMinutesBetween(new Date(m.end), new Date(atEnd.dueAt)) <= DUE_SOON_WORKING_MINUTES;
    counted.push(['overdue_in_progress', !atEnd.onTime], ['due_soon', soon]);
  }
  if (s.receivedIn) {
    counted.push(
      ['online_share', d.channel === 'ONLINE' && (!d.returnsDocument || d.eResult)],
      ['online_share_plain', d.channel === 'ONLINE'],
      ['digitisation', d.allElectronic && (!(d.returnsDocument && d.eResultAllowed) || d.eResult)],
      ['data_reuse', d.reused],
    );
    // Only an assessed 0 (an online exemption) leaves §3.6; a bill not known (null) was not shown to be 0.
    if (d.feeBearing && d.feeAssessed !== 0) counted.push(['online_payment', d.paidOnline]);
    if (d.returnsDocument) counted.push(['e_result', d.eResult]);
  }
  return counted;
}
