import { ProcessingTime, WorkingCalendar } from './working-calendar';

const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (date: Date | undefined) => (date ? new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 16) : 'none');
const days = (value: number): ProcessingTime => ({ value, unit: 'WORKING_DAYS' });
const hours = (value: number): ProcessingTime => ({ value, unit: 'WORKING_HOURS' });

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar();

  it.each([
    ['a working morning, 1 day', '2025-03-03T09:00', days(1), '2025-03-04T09:00'],
    ['Friday, over the weekend', '2025-03-07T09:00', days(1), '2025-03-10T09:00'],
    ['after office hours: the clock starts next morning', '2025-03-03T17:30', days(1), '2025-03-04T17:00'],
    ['during the lunch break, in hours', '2025-03-03T12:00', hours(4), '2025-03-04T08:00'],
    ['at the opening, 8 hours spill into the next day', '2025-03-03T07:30', hours(8), '2025-03-04T08:00'],
    ['Friday before Tết 2025: nine days closed', '2025-01-24T15:00', days(1), '2025-02-03T15:00'],
    ['last day of the year: New Year is closed', '2024-12-31T10:00', days(1), '2025-01-02T10:00'],
    ['before the make-up Saturday 26/4/2025', '2025-04-25T09:00', days(1), '2025-04-26T09:00'],
    ['before 30/4–1/5 with the bridge day 2/5/2025', '2025-04-29T09:00', days(1), '2025-05-05T09:00'],
    ['before National Day 2025 (1/9 and 2/9)', '2025-08-29T09:00', days(1), '2025-09-03T09:00'],
    ['a weekend reception starts Monday', '2025-03-08T10:00', days(1), '2025-03-10T17:00'],
    ['15 working days in a month without holidays', '2025-03-03T09:00', days(15), '2025-03-24T09:00'],
    ['ending exactly at closing time stays that day', '2025-03-03T13:30', hours(3.5), '2025-03-03T17:00'],
  ])('due date: %s', (_case, receivedAt, time, due) => {
    expect(iso(calendar.dueAt(vn(receivedAt), time))).toBe(due);
  });

  it.each([
    ['two working days paused push the due date two days', [{ from: '2025-03-04T09:00', to: '2025-03-06T09:00' }], '2025-03-07T09:00'],
    ['a pause over a weekend, outside office hours, costs nothing', [{ from: '2025-03-07T17:00', to: '2025-03-10T07:30' }], '2025-03-05T09:00'],
    ['two pauses add up', [{ from: '2025-03-03T10:00', to: '2025-03-03T11:00' }, { from: '2025-03-04T14:00', to: '2025-03-04T15:00' }], '2025-03-05T11:00'],
  ])('pauses stop the clock: %s', (_case, pauses, due) => {
    const closed = pauses.map((p) => ({ from: vn(p.from), to: vn(p.to) }));
    expect(iso(calendar.dueAt(vn('2025-03-03T09:00'), days(2), { pauses: closed }))).toBe(due);
  });

  it('counts only working time of a pause that spans Tết', () => {
    const received = vn('2025-01-23T09:00');
    expect(iso(calendar.dueAt(received, days(2)))).toBe('2025-02-03T09:00');
    // Friday 09:00–17:00 (360 min) and Monday 3/2 07:30–09:00 (90 min): one working day.
    const pause = { from: vn('2025-01-24T09:00'), to: vn('2025-02-03T09:00') };
    expect(iso(calendar.dueAt(received, days(2), { pauses: [pause] }))).toBe('2025-02-04T09:00');
  });

  it('has no due date while a pause is still running', () => {
    expect(calendar.dueAt(vn('2025-03-03T09:00'), days(2), { pauses: [{ from: vn('2025-03-04T09:00') }] })).toBeUndefined();
  });

  it('moves the due date by an approved extension', () => {
    expect(iso(calendar.dueAt(vn('2025-03-03T09:00'), days(1), { extensions: [days(3)] }))).toBe('2025-03-07T09:00');
  });

  it('measures office time between instants, skipping lunch, nights, weekends and holidays', () => {
    expect(calendar.workingMinutesBetween(vn('2025-03-03T11:00'), vn('2025-03-03T14:00'))).toBe(60);
    expect(calendar.workingMinutesBetween(vn('2025-03-07T16:00'), vn('2025-03-10T08:00'))).toBe(90);
    expect(calendar.workingMinutesBetween(vn('2025-01-24T07:30'), vn('2025-02-03T07:30'))).toBe(450);
    expect(calendar.workingMinutesBetween(vn('2025-03-04T09:00'), vn('2025-03-03T09:00'))).toBe(0);
  });

  it('counts elapsed working time less the pauses', () => {
    const received = vn('2025-03-03T09:00');
    expect(calendar.elapsedWorkingMinutes(received, vn('2025-03-04T09:00'))).toBe(450);
    expect(calendar.elapsedWorkingMinutes(received, vn('2025-03-04T09:00'), [{ from: vn('2025-03-03T10:00'), to: vn('2025-03-03T11:00') }])).toBe(390);
    // A pause still running at `until` counts up to `until`: Monday 16:00–17:00 and Tuesday 07:30–09:00.
    expect(calendar.elapsedWorkingMinutes(received, vn('2025-03-04T09:00'), [{ from: vn('2025-03-03T16:00') }])).toBe(300);
  });

  it.each([
    ['2024-05-04', true, 'make-up Saturday'],
    ['2024-04-29', false, 'bridge Monday before 30/4'],
    ['2025-09-02', false, 'National Day'],
    ['2025-09-03', true, 'the day after National Day 2025'],
    ['2026-02-17', false, 'Tết 2026'],
    ['2025-03-08', false, 'an ordinary Saturday'],
    ['2025-03-10', true, 'an ordinary Monday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('uses a unit’s own office hours', () => {
    const extended = new WorkingCalendar(undefined, [{ start: '07:00', end: '11:00' }, { start: '13:00', end: '17:00' }, { start: '17:30', end: '19:30' }]);
    expect(extended.workingDayMinutes).toBe(600);
    // 18:00–19:30 on Monday, then 30 minutes from Tuesday's 07:00 opening.
    expect(iso(extended.dueAt(vn('2025-03-03T18:00'), hours(2)))).toBe('2025-03-04T07:30');
  });

  it('refuses office periods that overlap or are empty', () => {
    expect(() => new WorkingCalendar(undefined, [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }])).toThrow(RangeError);
    expect(() => new WorkingCalendar(undefined, [{ start: '08:00', end: '08:00' }])).toThrow(RangeError);
  });
});
