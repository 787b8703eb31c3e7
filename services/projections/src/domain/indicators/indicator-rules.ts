import { assertNever } from '@motcua/platform/errors';
import { finishedAt, finishedVerdict, verdictAtPeriodEnd } from './dossier-clock';
import type { IndicatorId } from './indicator-catalogue';
import type { IndicatorInput } from './indicator-input';
import type { Period } from './periods';

/** What one dossier adds to an indicator in one period; null when it is outside the population. */
export interface Contribution {
  numerator: number;
  denominator: number;
}

const share = (inNumerator: boolean): Contribution => ({ numerator: inNumerator ? 1 : 0, denominator: 1 });
const within = (t: Date | null, p: Period): t is Date => t !== null && t >= p.start && t < p.end;

/**
 * Populations, as read from 766 and the public description of how the national portal computes it:
 * - "to process in the period" (§2.1): received before the period's end and not finished before
 *   its start — the new intake plus the backlog carried in. Dossiers never received (returned or
 *   rejected at the desk) are not in it: the clock never started.
 * - "received in the period" (§2.2, §3.3, §3.6, §4.1–4.3): the reception instant falls in it; the
 *   dossier's final state decides the numerator (a paper component added later undoes "digitised").
 * - "resolved in the period" (the plain rate, late resolved).
 * - "in progress at the period's end" (the counts).
 * A period still running ends, for these rules, at `asOf` (now): an open dossier is judged today.
 */
export function contribution(id: IndicatorId, d: IndicatorInput, p: Period, asOf: Date): Contribution | null {
  const end = asOf < p.end ? asOf : p.end;
  if (!d.receivedAt || asOf <= p.start) return null;
  const finished = finishedAt(d);
  const toProcess = d.receivedAt < end && (finished === null || finished >= p.start);
  const openAtEnd = d.receivedAt < end && (finished === null || finished >= end);
  const received = within(d.receivedAt, p);
  const resolved = within(d.resolvedAt, p);
  switch (id) {
    case 'on_time':
      if (!toProcess) return null;
      return share(openAtEnd ? verdictAtPeriodEnd(d, end).onTime : (finishedVerdict(d)?.onTime ?? false));
    case 'on_time_plain':
      return resolved ? share(finishedVerdict(d)?.onTime ?? false) : null;
    case 'late_resolved':
      return resolved ? share(!(finishedVerdict(d)?.onTime ?? false)) : null;
    case 'avg_resolution_time':
      if (!received || d.resolvedAt === null || d.resolutionWorkingMinutes === null) return null;
      return { numerator: d.resolutionWorkingMinutes, denominator: 1 };
    case 'online_share':
      return received ? share(d.channel === 'ONLINE' && (!d.returnsDocument || d.eResult)) : null;
    case 'online_share_plain':
      return received ? share(d.channel === 'ONLINE') : null;
    case 'online_payment':
      // A fee-bearing procedure whose fee came to 0 (online exemption) has nothing to pay online.
      return received && d.feeBearing && d.feeAssessed !== 0 ? share(d.paidOnline) : null;
    case 'e_result':
      return received && d.returnsDocument ? share(d.eResult) : null;
    case 'digitisation':
      return received ? share(d.allElectronic && (!eResultRequired(d) || d.eResult)) : null;
    case 'data_reuse':
      return received ? share(d.reused) : null;
    case 'in_progress':
      return toProcess ? share(openAtEnd) : null;
    case 'due_soon': {
      if (!openAtEnd) return null;
      const v = verdictAtPeriodEnd(d, end);
      return share(v.onTime && !v.clockStopped && v.due !== null && v.due.dueSoonFrom <= end);
    }
    case 'overdue_in_progress':
      return openAtEnd ? share(!verdictAtPeriodEnd(d, end).onTime) : null;
    default:
      return assertNever(id);
  }
}

/**
 * §4.2 asks for an electronic result "for procedures that return a document"; where the
 * procedure's terms do not allow an e-result, a paper result cannot fail the dossier.
 */
export function eResultRequired(d: Pick<IndicatorInput, 'returnsDocument' | 'eResultAllowed'>): boolean {
  return d.returnsDocument && d.eResultAllowed;
}
