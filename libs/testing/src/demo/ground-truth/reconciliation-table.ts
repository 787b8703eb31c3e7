import type { Figure } from './ground-truth';
import type { ReconciledRow, Reconciliation } from './reconcile';

const AVERAGE = 'avg_resolution_time';

/** Counts are integers; an average's numerator is a sum of fractional days or hours. */
const amount = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function rateOf(f: Figure): string {
  if (f.denominator === 0) return '—';
  const rate = f.numerator / f.denominator;
  if (f.indicator === AVERAGE) return `${rate.toFixed(2)} ${f.timeUnit === 'WORKING_HOURS' ? 'h' : 'd'}`;
  return `${(rate * 100).toFixed(1)}%`;
}

/** One side's cells: numerator/denominator and rate, or a dash where the side has no figure. */
const side = (f: Figure | null): [string, string] => (f === null ? ['—', ''] : [`${amount(f.numerator)}/${amount(f.denominator)}`, rateOf(f)]);

const cellsOf = (r: ReconciledRow): string[] => [r.indicator, ...side(r.truth), ...side(r.computed), r.agrees ? '✓' : '✗'];

/**
 * The side-by-side table, grouped by month then receiving unit, one line per indicator, columns
 * aligned for a terminal; the last line counts the differences.
 */
export function formatReconciliation(result: Reconciliation): string {
  const cells = result.rows.map(cellsOf);
  const width = (column: number) => Math.max(0, ...cells.map((c) => c[column].length));
  const [name, truthFraction, truthRate, computedFraction, computedRate] = [0, 1, 2, 3, 4].map(width);
  const line = (c: string[]) =>
    `    ${c[0].padEnd(name)}  generator ${c[1].padStart(truthFraction)} ${c[2].padStart(truthRate)}  │  projections ${c[3].padStart(computedFraction)} ${c[4].padStart(computedRate)}  │ ${c[5]}`;
  const out: string[] = [];
  let group = '';
  result.rows.forEach((row, i) => {
    if (`${row.period} ${row.unit}` !== group) {
      if (row.period !== group.split(' ')[0]) out.push(row.period);
      group = `${row.period} ${row.unit}`;
      out.push(`  ${row.unit}`);
    }
    out.push(line(cells[i]).trimEnd());
  });
  const checked = result.rows.length;
  out.push(result.differences === 0 ? `0 differences in ${checked} figures` : `${result.differences} difference${result.differences === 1 ? '' : 's'} in ${checked} figures`);
  return out.join('\n');
}
