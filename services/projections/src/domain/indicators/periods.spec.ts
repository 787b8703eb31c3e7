import { periodOf, periodsCovering, type PeriodKind } from './periods';

const utc = (iso: string) => new Date(iso);

describe('reporting periods in Asia/Ho_Chi_Minh time', () => {
  it.each<[string, string, PeriodKind, string, string, string]>([
    ['the last local millisecond of January is in January', '2025-01-31T16:59:59.999Z', 'month', '2025-01', '2024-12-31T17:00:00.000Z', '2025-01-31T17:00:00.000Z'],
    ['local midnight of 1 February is in February (17:00 UTC the day before)', '2025-01-31T17:00:00.000Z', 'month', '2025-02', '2025-01-31T17:00:00.000Z', '2025-02-28T17:00:00.000Z'],
    ['a UTC date is not the local date: 20:00 UTC on the 9th is the 10th', '2025-03-09T20:00:00.000Z', 'day', '2025-03-10', '2025-03-09T17:00:00.000Z', '2025-03-10T17:00:00.000Z'],
    ['leap February ends on the 29th', '2024-02-29T10:00:00.000Z', 'month', '2024-02', '2024-01-31T17:00:00.000Z', '2024-02-29T17:00:00.000Z'],
    ['the first quarter ends with March', '2025-03-31T16:59:59.999Z', 'quarter', '2025-Q1', '2024-12-31T17:00:00.000Z', '2025-03-31T17:00:00.000Z'],
    ['the fourth quarter', '2025-11-15T00:00:00.000Z', 'quarter', '2025-Q4', '2025-09-30T17:00:00.000Z', '2025-12-31T17:00:00.000Z'],
    ['new year local midnight belongs to the new year', '2024-12-31T17:00:00.000Z', 'year', '2025', '2024-12-31T17:00:00.000Z', '2025-12-31T17:00:00.000Z'],
    ['the last local instant of a year', '2024-12-31T16:59:59.999Z', 'year', '2024', '2023-12-31T17:00:00.000Z', '2024-12-31T17:00:00.000Z'],
  ])('%s', (_case, instant, kind, key, start, end) => {
    const period = periodOf(utc(instant), kind);
    expect({ key: period.key, start: period.start.toISOString(), end: period.end.toISOString() }).toEqual({ key, start, end });
  });

  it.each<[PeriodKind, string, string, string[]]>([
    ['day', '2025-02-27', '2025-03-02', ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']],
    ['month', '2025-01-15', '2025-05-10', ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']],
    ['quarter', '2024-12-31', '2025-04-01', ['2024-Q4', '2025-Q1', '2025-Q2']],
    ['year', '2024-06-01', '2025-01-01', ['2024', '2025']],
  ])('%s periods covering %s to %s are whole and consecutive', (kind, from, to, keys) => {
    const periods = periodsCovering(from, to, kind);
    expect(periods.map((p) => p.key)).toEqual(keys);
    periods.slice(1).forEach((p, i) => expect(p.start).toEqual(periods[i].end));
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => periodsCovering('2025-1-1', '2025-02-01', 'month')).toThrow(RangeError);
  });
});
