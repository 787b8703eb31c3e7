import { dueSoonFrom, isDueSoon } from './due-soon';
import { WorkingCalendar } from './working-calendar';

const at = (local: string): Date => new Date(`${local}+07:00`);

/** The first form, which searched 60 days back at a time: the reference the bounded search must equal. */
function searchedFarBack(dueAt: Date, calendar: WorkingCalendar, window: number): Date {
  const minute = 60_000;
  let early = dueAt.getTime() - 60 * 86_400_000;
  let late = dueAt.getTime();
  while (calendar.workingMinutesBetween(new Date(early), dueAt) <= window) early -= 60 * 86_400_000;
  while (late - early > minute) {
    const middle = early + Math.max(1, Math.floor((late - early) / minute / 2)) * minute;
    if (calendar.workingMinutesBetween(new Date(middle), dueAt) <= window) late = middle;
    else early = middle;
  }
  return new Date(late);
}

const calendar = new WorkingCalendar();
const TIMES = ['00:00', '07:29', '07:30', '07:31', '09:15:30', '11:29', '11:30', '12:00', '13:30', '13:31', '16:59', '17:00', '17:01', '23:59'];
const DAYS: [string, string][] = [
  ['after Tết Ất Tỵ (27–31 January 2025)', '2025-02-03'],
  ['the first day after New Year 2025', '2025-01-02'],
  ['the make-up Saturday 26 April 2025', '2025-04-26'],
  ['after the 30 April – 1 May 2025 bridge', '2025-05-05'],
  ['after Tết Bính Ngọ (16–20 February 2026)', '2026-02-23'],
  ['inside Tết Đinh Mùi (February 2027)', '2027-02-09'],
  ['the make-up Saturday 4 May 2024', '2024-05-04'],
  ['after National Day 2024', '2024-09-04'],
  ['a Monday after a weekend', '2025-03-10'],
  ['a Sunday', '2025-03-09'],
  ['a plain Wednesday', '2025-03-05'],
];
const WINDOWS = [1, 60, 240, 450, 900, 2250];

describe('due soon from, bounded search: the same minute as the search 60 days back', () => {
  it.each(DAYS)('due on %s (%s), at every office-hour boundary and window', (_case, date) => {
    for (const time of TIMES) {
      const dueAt = at(`${date}T${time}`);
      for (const window of WINDOWS) {
        expect([time, window, dueSoonFrom(dueAt, calendar, window).toISOString()]).toEqual([time, window, searchedFarBack(dueAt, calendar, window).toISOString()]);
      }
    }
  });

  it('agrees on instants spread over 2024–2027 at odd seconds', () => {
    const start = at('2024-01-03T00:00').getTime();
    // A step of 17 h 3 min 7 s walks through every hour of the day and every weekday.
    for (let i = 0; i < 2000; i++) {
      const dueAt = new Date(start + i * 61_387_000);
      expect([dueAt.toISOString(), dueSoonFrom(dueAt, calendar).toISOString()]).toEqual([dueAt.toISOString(), searchedFarBack(dueAt, calendar, 450).toISOString()]);
    }
  });

  it('judges an instant due soon exactly from dueSoonFrom up to the due date', () => {
    const calendar = new WorkingCalendar();
    const dueAt = at('2025-03-07T10:00');
    const from = dueSoonFrom(dueAt, calendar);
    expect(isDueSoon(new Date(from.getTime() - 60_000), dueAt, calendar)).toBe(false);
    expect(isDueSoon(from, dueAt, calendar)).toBe(true);
    expect(isDueSoon(dueAt, dueAt, calendar)).toBe(true);
    expect(isDueSoon(new Date(dueAt.getTime() + 60_000), dueAt, calendar)).toBe(false);
  });
});
