import type { Figure } from './ground-truth';
import { INDICATOR_IDS } from './indicator-rules';

export { formatReconciliation } from './reconciliation-table';

/** One (month, unit, indicator): the generator's figure beside the projections'; null where a side has none. */
export interface ReconciledRow {
  period: string;
  unit: string;
  indicator: string;
  truth: Figure | null;
  computed: Figure | null;
  agrees: boolean;
}

export interface Reconciliation {
  rows: ReconciledRow[];
  differences: number;
}

/**
 * The API rounds an average's numerator (a sum of fractions of a working day or hour, as doubles)
 * to a millionth of its unit, so that its two report paths answer alike; the generator sums the
 * same fractions unrounded. One millionth apart is the same figure; anything beyond is a real
 * difference.
 */
const ROUNDING = 1e-6;
const sameAmount = (a: number, b: number) => Math.abs(a - b) <= ROUNDING;

/** A figure with no population and no figure at all are the same statement: nobody to count. */
const counts = (f: Figure | null): Figure | null => (f !== null && f.denominator !== 0 ? f : null);

function agree(truth: Figure | null, computed: Figure | null): boolean {
  const [t, c] = [counts(truth), counts(computed)];
  if (t === null || c === null) return t === c;
  if (t.indicator === 'avg_resolution_time') return t.denominator === c.denominator && sameAmount(t.numerator, c.numerator) && (t.timeUnit ?? c.timeUnit) === (c.timeUnit ?? t.timeUnit);
  return t.numerator === c.numerator && t.denominator === c.denominator;
}

const keyOf = (f: Figure) => JSON.stringify([f.period, f.unit, f.indicator]);
const order = (indicator: string) => {
  const i = (INDICATOR_IDS as readonly string[]).indexOf(indicator);
  return i < 0 ? INDICATOR_IDS.length : i;
};

/** Matches the two sides by month, unit and indicator; rows come by month, unit, then the report's indicator order. */
export function reconcile(truth: Figure[], computed: Figure[]): Reconciliation {
  const pairs = new Map<string, { truth: Figure | null; computed: Figure | null }>();
  for (const f of truth) pairs.set(keyOf(f), { truth: f, computed: null });
  for (const f of computed) pairs.set(keyOf(f), { truth: pairs.get(keyOf(f))?.truth ?? null, computed: f });
  const rows = [...pairs.values()].map(({ truth: t, computed: c }) => {
    const f = (t ?? c) as Figure;
    return { period: f.period, unit: f.unit, indicator: f.indicator, truth: t, computed: c, agrees: agree(t, c) };
  });
  rows.sort((a, b) => a.period.localeCompare(b.period) || a.unit.localeCompare(b.unit) || order(a.indicator) - order(b.indicator) || a.indicator.localeCompare(b.indicator));
  return { rows, differences: rows.filter((r) => !r.agrees).length };
}
