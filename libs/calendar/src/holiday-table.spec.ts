import { VIETNAM_HOLIDAYS } from './holiday-table';
import { weekday } from './local-time';

describe('the Vietnamese holiday table', () => {
  const { daysOff, makeUpWorkingDays } = VIETNAM_HOLIDAYS;

  it('lists only weekdays as days off (a holiday on a weekend is compensated on a weekday)', () => {
    expect(daysOff.filter((d) => [0, 6].includes(weekday(d.date)))).toEqual([]);
  });

  it('lists only Saturdays as make-up working days', () => {
    expect(makeUpWorkingDays.every((d) => weekday(d.date) === 6)).toBe(true);
  });

  it('has each date once', () => {
    const dates = [...daysOff, ...makeUpWorkingDays].map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it.each([2024, 2025, 2026, 2027])('covers %i: New Year, Tết (5 days), Hùng Kings, 30/4, 1/5 and National Day (2 days)', (year) => {
    const names = daysOff.filter((d) => d.date.startsWith(`${year}-`)).map((d) => d.name);
    const count = (prefix: string) => names.filter((n) => n.startsWith(prefix)).length;
    expect(count('New Year')).toBe(1);
    expect(count('Tết')).toBe(5);
    expect(count('Hùng Kings')).toBe(1);
    expect(count('Reunification Day') + count('International Workers')).toBeGreaterThanOrEqual(2);
    expect(count('National Day')).toBe(2);
  });

  it('marks what is not yet announced as projected', () => {
    const statuses = new Set(daysOff.filter((d) => d.date >= '2026-01-01').map((d) => d.status));
    expect([...statuses]).toEqual(['PROJECTED']);
  });
});
