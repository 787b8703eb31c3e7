import { FigureSums } from './indicator-sums';

const row = (period: string, unit: string, columns: Record<string, number>) => ({ period, period_start: `${period}-01T00:00:00+07:00`, unit, ...columns });

describe('figure sums', () => {
  it('adds totals, takes stale contributions away and adds live counts per period and group', () => {
    const rows = new FigureSums(['unit'])
      .add([row('2025-03', 'H56.22', { on_time__n: 8, on_time__d: 10 }), row('2025-03', 'H56.01', { on_time__n: 1, on_time__d: 1 })], 1)
      .add([row('2025-03', 'H56.22', { on_time__n: 1, on_time__d: 2 }), row('2025-03', 'H56.01', { on_time__n: 1, on_time__d: 1 })], -1)
      .add([row('2025-03', 'H56.22', { on_time__n: 0, on_time__d: 1 })], 1)
      .report(['on_time']);
    expect(rows).toEqual([{ period: '2025-03', group: { unit: 'H56.22' }, indicators: { on_time: expect.objectContaining({ numerator: 7, denominator: 9 }) } }]);
  });

  it('averages in working hours only where every dossier of the group counts in hours, else in working days', () => {
    const parts = (hours: number, days: number, hourRows: number, dayRows: number) => ({
      avg_resolution_time__d: hourRows + dayRows,
      avg_resolution_time__hours: hours,
      avg_resolution_time__days: days,
      avg_resolution_time__hour_rows: hourRows,
      avg_resolution_time__day_rows: dayRows,
    });
    const rows = new FigureSums(['unit'])
      .add([row('2025-03', 'H56.01', parts(12, 1.5, 2, 0)), row('2025-03', 'H56.22', parts(8, 1, 1, 0))], 1)
      .add([row('2025-03', 'H56.22', parts(15, 2, 0, 1))], 1)
      .report(['avg_resolution_time']);
    expect(rows.map((r) => [r.group.unit, r.indicators.avg_resolution_time?.numerator, r.indicators.avg_resolution_time?.timeUnit])).toEqual([
      ['H56.01', 12, 'WORKING_HOURS'],
      ['H56.22', 3, 'WORKING_DAYS'],
    ]);
  });
});
