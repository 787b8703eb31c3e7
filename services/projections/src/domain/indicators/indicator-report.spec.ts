import { at, due, facts } from './indicator-input.fixture';
import { indicatorReport, type IndicatorQuery } from './indicator-report';

const query = (overrides: Partial<IndicatorQuery>): IndicatorQuery => ({
  indicators: ['on_time'],
  period: 'month',
  from: '2025-03-01',
  to: '2025-03-31',
  groupBy: ['unit'],
  asOf: at('2025-12-31T00:00'),
  ...overrides,
});

describe('the indicator report', () => {
  const onTime = { resolvedAt: at('2025-03-07T10:00'), resolutionWorkingMinutes: 900 };
  const late = { resolvedAt: at('2025-03-12T10:00'), resolutionWorkingMinutes: 3600 };

  it('sums per period and group, with rate, threshold and 766 points', () => {
    const rows = indicatorReport(
      [facts(onTime), facts(onTime), facts(onTime), facts(late), facts({ ...late, unit: 'H56.01' })],
      query({ groupBy: ['unit'] }),
    );
    expect(rows).toEqual([
      { period: '2025-03', group: { unit: 'H56.22' }, indicators: { on_time: { numerator: 3, denominator: 4, rate: 0.75, threshold: 0.8, maxPoints: 20, points: 18.75 } } },
      { period: '2025-03', group: { unit: 'H56.01' }, indicators: { on_time: { numerator: 0, denominator: 1, rate: 0, threshold: 0.8, maxPoints: 20, points: 0 } } },
    ]);
  });

  it('gives the average resolution time in the procedure own unit, in working days when a group mixes units', () => {
    const hours = { ...onTime, procedureCode: '2.000001', processingTimeUnit: 'WORKING_HOURS' as const };
    const dossiers = [facts(onTime), facts(late), facts(hours)];
    const byProcedure = indicatorReport(dossiers, query({ indicators: ['avg_resolution_time'], groupBy: ['procedure'] }));
    expect(byProcedure.map((r) => [r.group.procedure, r.indicators.avg_resolution_time?.rate, r.indicators.avg_resolution_time?.timeUnit])).toEqual([
      ['1.001612', 5, 'WORKING_DAYS'],
      ['2.000001', 15, 'WORKING_HOURS'],
    ]);
    const whole = indicatorReport(dossiers, query({ indicators: ['avg_resolution_time'], groupBy: [] }));
    expect(whole[0].indicators.avg_resolution_time).toMatchObject({ numerator: 12, denominator: 3, rate: 4, timeUnit: 'WORKING_DAYS', points: null });
  });

  it('reports a dossier received on the last day of a month and resolved in the next in both months', () => {
    const dossier = facts({ receivedAt: at('2025-03-31T16:00'), dueHistory: [due('2025-03-31T16:00', '2025-04-07T16:00')], resolvedAt: at('2025-04-08T09:00') });
    const rows = indicatorReport([dossier], query({ indicators: ['on_time', 'in_progress', 'on_time_plain'], from: '2025-03-01', to: '2025-04-30', groupBy: [] }));
    expect(rows.map((r) => [r.period, r.indicators.on_time?.numerator, r.indicators.in_progress?.numerator, r.indicators.on_time_plain?.denominator])).toEqual([
      ['2025-03', 1, 1, undefined],
      ['2025-04', 0, 0, 1],
    ]);
  });
});
