import { dueSoonFrom, WorkingCalendar } from '@motcua/calendar';
import { caseStanding } from './case-standing';

const vn = (local: string) => new Date(`${local}+07:00`);
const calendar = new WorkingCalendar();
// Due Friday 2025-03-07 at 10:00: one working day (450 office minutes) before is Thursday 10:00.
const dueAt = vn('2025-03-07T10:00');
const clock = { dueAt, dueSoonFrom: dueSoonFrom(dueAt, calendar) };

describe('where an open case stands against its due date', () => {
  it('counts office time left, not calendar time, and is neither due soon nor overdue well before', () => {
    // Wednesday 10:00 → Friday 10:00: two office days of 450 minutes.
    expect(caseStanding(clock, vn('2025-03-05T10:00'), calendar)).toEqual({ workingMinutesLeft: 900, dueSoon: false, overdue: false });
  });

  it('is due soon from one working day before the due date, up to the due date itself', () => {
    expect(clock.dueSoonFrom).toEqual(vn('2025-03-06T10:00'));
    expect(caseStanding(clock, vn('2025-03-06T09:59'), calendar)).toMatchObject({ workingMinutesLeft: 451, dueSoon: false });
    expect(caseStanding(clock, vn('2025-03-06T10:00'), calendar)).toEqual({ workingMinutesLeft: 450, dueSoon: true, overdue: false });
    // Thursday evening: office time does not run, so as much is left as at closing.
    expect(caseStanding(clock, vn('2025-03-06T20:00'), calendar)).toMatchObject({ workingMinutesLeft: 150, dueSoon: true });
    expect(caseStanding(clock, dueAt, calendar)).toEqual({ workingMinutesLeft: 0, dueSoon: true, overdue: false });
  });

  it('is overdue past the due date, with the office time past it as negative time left', () => {
    expect(caseStanding(clock, vn('2025-03-07T10:01'), calendar)).toEqual({ workingMinutesLeft: -1, dueSoon: false, overdue: true });
    // Over the weekend into Monday 08:30: Friday 10:00–11:30 and 13:30–17:00, then Monday 07:30–08:30.
    expect(caseStanding(clock, vn('2025-03-10T08:30'), calendar)).toEqual({ workingMinutesLeft: -(90 + 210 + 60), dueSoon: false, overdue: true });
    // Late in the evening of the due day, no office minute has passed yet it is late.
    expect(caseStanding({ ...clock, dueAt: vn('2025-03-07T17:00'), dueSoonFrom: vn('2025-03-06T17:00') }, vn('2025-03-07T20:00'), calendar)).toEqual({ workingMinutesLeft: 0, dueSoon: false, overdue: true });
  });

  it('stands still while paused: judged at the pause start, however long the wait', () => {
    const paused = { ...clock, pausedSince: vn('2025-03-05T10:00') };
    expect(caseStanding(paused, vn('2025-03-20T10:00'), calendar)).toEqual({ workingMinutesLeft: 900, dueSoon: false, overdue: false });
    expect(caseStanding({ ...clock, pausedSince: vn('2025-03-06T15:00') }, vn('2025-03-20T10:00'), calendar)).toMatchObject({ dueSoon: true, overdue: false });
  });
});
