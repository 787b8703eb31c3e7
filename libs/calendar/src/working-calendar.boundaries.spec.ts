import { ProcessingTime, WorkingCalendar } from './working-calendar';

// The on-time statistics stand on these instants: each row is one edge of the office day.
const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (date: Date | undefined) => (date ? new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 16) : 'none');
const hours = (value: number): ProcessingTime => ({ value, unit: 'WORKING_HOURS' });

/** Monday 3/3/2025 unless said otherwise; Friday 7/3, Saturday 8/3, Friday 24/1 before Tết 2025. */
const EDGES = [
  ['before opening', '2025-03-03T06:00'],
  ['at opening', '2025-03-03T07:30'],
  ['in the morning', '2025-03-03T09:15'],
  ['at the morning close', '2025-03-03T11:30'],
  ['in the lunch break', '2025-03-03T12:00'],
  ['at the afternoon opening', '2025-03-03T13:30'],
  ['at closing', '2025-03-03T17:00'],
  ['after hours', '2025-03-03T18:00'],
  ['Friday at closing', '2025-03-07T17:00'],
  ['on a Saturday', '2025-03-08T10:00'],
  ['on a holiday (Tết 2025)', '2025-01-29T09:00'],
  ['the last working minute before Tết', '2025-01-24T16:59'],
  ['on a make-up Saturday', '2025-04-26T08:00'],
] as const;

describe('WorkingCalendar at the edges of the office day', () => {
  const calendar = new WorkingCalendar();

  it.each(EDGES)('adding no working time to an instant %s leaves it where it is', (_edge, local) => {
    expect(iso(calendar.addWorkingMinutes(vn(local), 0))).toBe(iso(vn(local)));
  });

  it.each([
    ['before opening', '2025-03-03T06:00', '2025-03-03T07:30'],
    ['at opening', '2025-03-03T07:30', '2025-03-03T07:30'],
    ['at the morning close', '2025-03-03T11:30', '2025-03-03T13:30'],
    ['in the lunch break', '2025-03-03T12:00', '2025-03-03T13:30'],
    ['at the afternoon opening', '2025-03-03T13:30', '2025-03-03T13:30'],
    ['at closing', '2025-03-03T17:00', '2025-03-04T07:30'],
    ['Friday at closing', '2025-03-07T17:00', '2025-03-10T07:30'],
    ['on a Saturday', '2025-03-08T10:00', '2025-03-10T07:30'],
    ['on a holiday (Tết 2025)', '2025-01-29T09:00', '2025-02-03T07:30'],
    ['on a make-up Saturday', '2025-04-26T08:00', '2025-04-26T08:00'],
  ])('the clock of something received %s starts at the next office minute', (_edge, local, start) => {
    expect(iso(calendar.clockStart(vn(local)))).toBe(start);
  });

  it.each([
    ['up to the morning close, and stays there', '2025-03-03T07:30', 240, '2025-03-03T11:30'],
    ['one minute past the morning close, after lunch', '2025-03-03T07:30', 241, '2025-03-03T13:31'],
    ['from the morning close', '2025-03-03T11:30', 1, '2025-03-03T13:31'],
    ['a whole day from opening ends at closing that day', '2025-03-03T07:30', 450, '2025-03-03T17:00'],
    ['from closing, the next morning', '2025-03-03T17:00', 1, '2025-03-04T07:31'],
    ['from the lunch break', '2025-03-03T12:00', 210, '2025-03-03T17:00'],
    ['after hours, up to the next morning close', '2025-03-03T18:00', 240, '2025-03-04T11:30'],
    ['Friday at closing, over the weekend', '2025-03-07T17:00', 30, '2025-03-10T08:00'],
    ['from the last minute before Tết, over nine closed days', '2025-01-24T16:59', 2, '2025-02-03T07:31'],
  ])('adding working time %s', (_case, local, minutes, due) => {
    expect(iso(calendar.addWorkingMinutes(vn(local), minutes))).toBe(due);
  });

  // A due date moved in parts (a pause, then another) must equal the due date moved at once.
  const PARTS: [number, number][] = [[0, 0], [0, 30], [30, 0], [240, 0], [210, 0], [450, 0], [240, 1], [1, 449], [450, 450], [225, 675]];
  it.each(EDGES.flatMap(([edge, local]) => PARTS.map(([a, b]) => [edge, local, a, b] as const)))(
    'from an instant %s (%s), %i then %i working minutes land where their sum does',
    (_edge, local, a, b) => {
      const from = vn(local);
      expect(iso(calendar.addWorkingMinutes(calendar.addWorkingMinutes(from, a), b))).toBe(iso(calendar.addWorkingMinutes(from, a + b)));
    },
  );

  it.each(EDGES)('measures back exactly the working time added to an instant %s', (_edge, local) => {
    for (const minutes of [0, 1, 240, 450, 2250]) {
      expect(calendar.workingMinutesBetween(vn(local), calendar.addWorkingMinutes(vn(local), minutes))).toBe(minutes);
    }
  });

  it.each([
    ['the lunch break', '2025-03-03T11:30', '2025-03-03T13:30'],
    ['the night', '2025-03-03T17:00', '2025-03-04T07:30'],
    ['the weekend', '2025-03-07T17:00', '2025-03-10T07:30'],
    ['Tết 2025', '2025-01-24T17:00', '2025-02-03T07:30'],
  ])('holds no working time in %s', (_case, from, to) => {
    expect(calendar.workingMinutesBetween(vn(from), vn(to))).toBe(0);
  });

  it.each([
    ['received after hours, 4 working hours: due at the next morning close', '2025-03-03T18:00', hours(4), [], '2025-03-04T11:30'],
    ['a payment made after hours pauses nothing', '2025-03-03T18:00', hours(4), [{ from: '2025-03-03T18:00', to: '2025-03-03T18:05' }], '2025-03-04T11:30'],
    ['a pause over lunch pauses nothing', '2025-03-03T09:30', hours(2), [{ from: '2025-03-03T11:30', to: '2025-03-03T13:30' }], '2025-03-03T11:30'],
    ['received at the morning close, 3.5 hours: due at closing', '2025-03-03T11:30', hours(3.5), [], '2025-03-03T17:00'],
    ['received at closing, 7.5 hours: due at the next closing', '2025-03-03T17:00', hours(7.5), [], '2025-03-04T17:00'],
    ['received on a Saturday, 1 hour', '2025-03-08T10:00', hours(1), [], '2025-03-10T08:30'],
  ])('due date: %s', (_case, receivedAt, time, pauses, due) => {
    const closed = pauses.map((p) => ({ from: vn(p.from), to: vn(p.to) }));
    expect(iso(calendar.dueAt(vn(receivedAt), time, { pauses: closed }))).toBe(due);
  });
});
