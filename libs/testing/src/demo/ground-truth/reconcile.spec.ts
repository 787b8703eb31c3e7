import type { Figure } from './ground-truth';
import { formatReconciliation, reconcile } from './reconcile';

const f = (period: string, unit: string, indicator: string, numerator: number, denominator: number, extra: Partial<Figure> = {}): Figure => ({ period, unit, indicator, numerator, denominator, ...extra });

describe('reconciling the ground truth with the projections', () => {
  it.each<[string, Figure[], Figure[], number]>([
    ['the same figures', [f('2025-01', 'H56.22', 'on_time', 3, 4)], [f('2025-01', 'H56.22', 'on_time', 3, 4)], 0],
    ['a numerator that differs', [f('2025-01', 'H56.22', 'on_time', 3, 4)], [f('2025-01', 'H56.22', 'on_time', 2, 4)], 1],
    ['a denominator that differs', [f('2025-01', 'H56.22', 'on_time', 3, 4)], [f('2025-01', 'H56.22', 'on_time', 3, 5)], 1],
    ['absent on one side and a zero denominator on the other', [f('2025-01', 'H56.22', 'due_soon', 0, 0)], [], 0],
    ['a zero denominator against absent, the other way', [], [f('2025-01', 'H56.22', 'due_soon', 0, 0)], 0],
    ['a figure the projections lack', [f('2025-01', 'H56.22', 'e_result', 0, 1)], [], 1],
    ['a figure only the projections have', [], [f('2025-02', 'H56.99', 'e_result', 1, 1)], 1],
    ['the same figure of another unit is not this one', [f('2025-01', 'H56.22', 'on_time', 1, 1)], [f('2025-01', 'H56.23', 'on_time', 1, 1)], 2],
    ['an average summed in another order', [f('2025-01', 'H56.22', 'avg_resolution_time', 1 / 3 + 1 / 3 + 1 / 3, 3)], [f('2025-01', 'H56.22', 'avg_resolution_time', 1, 3)], 0],
    ['an average the API rounded to a millionth', [f('2025-01', 'H56.22', 'avg_resolution_time', 10.4166666666, 4)], [f('2025-01', 'H56.22', 'avg_resolution_time', 10.416667, 4)], 0],
    ['an average one office minute apart', [f('2025-01', 'H56.22', 'avg_resolution_time', 451 / 450, 1)], [f('2025-01', 'H56.22', 'avg_resolution_time', 1, 1)], 1],
    ['an average stated in another unit', [f('2025-01', 'H56.22', 'avg_resolution_time', 1, 1, { timeUnit: 'WORKING_DAYS' })], [f('2025-01', 'H56.22', 'avg_resolution_time', 1, 1, { timeUnit: 'WORKING_HOURS' })], 1],
    ['counts are compared exactly', [f('2025-01', 'H56.22', 'in_progress', 1_000_000, 2_000_000)], [f('2025-01', 'H56.22', 'in_progress', 1_000_001, 2_000_000)], 1],
  ])('%s', (_name, truth, computed, differences) => {
    expect(reconcile(truth, computed).differences).toBe(differences);
  });

  it('orders rows by month, unit, then the report order of the indicators', () => {
    const truth = [f('2025-02', 'H56.22', 'on_time', 1, 1), f('2025-01', 'H56.23', 'data_reuse', 0, 1), f('2025-01', 'H56.23', 'on_time', 1, 1), f('2025-01', 'H56.22', 'late_resolved', 0, 1)];
    expect(reconcile(truth, []).rows.map((r) => `${r.period} ${r.unit} ${r.indicator}`)).toEqual(['2025-01 H56.22 late_resolved', '2025-01 H56.23 on_time', '2025-01 H56.23 data_reuse', '2025-02 H56.22 on_time']);
  });

  it('prints both sides in aligned columns, grouped by month then unit, and the count of differences', () => {
    const truth = [f('2025-01', 'H56.22', 'on_time', 12, 20), f('2025-01', 'H56.22', 'avg_resolution_time', 7.5, 3, { timeUnit: 'WORKING_DAYS' }), f('2025-02', 'H56.22', 'e_result', 1, 2)];
    const computed = [f('2025-01', 'H56.22', 'on_time', 11, 20), f('2025-01', 'H56.22', 'avg_resolution_time', 7.5, 3, { timeUnit: 'WORKING_DAYS' })];
    const lines = formatReconciliation(reconcile(truth, computed)).split('\n');
    expect(lines).toEqual([
      '2025-01',
      '  H56.22',
      '    on_time              generator  12/20  60.0%  │  projections  11/20  55.0%  │ ✗',
      '    avg_resolution_time  generator 7.50/3 2.50 d  │  projections 7.50/3 2.50 d  │ ✓',
      '2025-02',
      '  H56.22',
      '    e_result             generator    1/2  50.0%  │  projections      —         │ ✗',
      '2 differences in 3 figures',
    ]);
  });
});
