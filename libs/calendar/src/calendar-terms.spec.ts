import { calendarFor, currentTerms, UnknownHolidayTableError } from './calendar-terms';
import { VIETNAM_HOLIDAYS } from './holiday-table';
import { WorkingCalendar } from './working-calendar';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('calendar terms', () => {
  it('computes with the recorded office hours: a unit open 07:00–11:00 and 13:00–17:00 works 8 hours a day', () => {
    const terms = { holidayTable: VIETNAM_HOLIDAYS.version, officeHours: [{ start: '07:00', end: '11:00' }, { start: '13:00', end: '17:00' }] };
    const calendar = calendarFor(terms);
    expect(calendar.workingDayMinutes).toBe(480);
    // Received Monday 16:30: half an hour that day, the rest of a working day by Tuesday 16:30.
    expect(calendar.dueAt(vn('2025-03-03T16:30'), { value: 1, unit: 'WORKING_DAYS' })).toEqual(vn('2025-03-04T16:30'));
    expect(new WorkingCalendar().dueAt(vn('2025-03-03T16:30'), { value: 1, unit: 'WORKING_DAYS' })).toEqual(vn('2025-03-04T16:30'));
    expect(calendar.dueAt(vn('2025-03-03T07:00'), { value: 1, unit: 'WORKING_DAYS' })).toEqual(vn('2025-03-03T17:00'));
    expect(new WorkingCalendar().dueAt(vn('2025-03-03T07:00'), { value: 1, unit: 'WORKING_DAYS' })).toEqual(vn('2025-03-03T17:00'));
    expect(calendar.dueAt(vn('2025-03-03T07:00'), { value: 2, unit: 'WORKING_HOURS' })).toEqual(vn('2025-03-03T09:00'));
    expect(new WorkingCalendar().dueAt(vn('2025-03-03T07:00'), { value: 2, unit: 'WORKING_HOURS' })).toEqual(vn('2025-03-03T09:30'));
  });

  it('builds one calendar per distinct terms, and reads absent terms as the defaults', () => {
    expect(calendarFor(currentTerms())).toBe(calendarFor(currentTerms()));
    expect(calendarFor(undefined).workingDayMinutes).toBe(new WorkingCalendar().workingDayMinutes);
    expect(currentTerms().holidayTable).toBe(VIETNAM_HOLIDAYS.version);
  });

  it('refuses a holiday table version it does not know rather than guess', () => {
    expect(() => calendarFor({ holidayTable: 'VN-1999.1', officeHours: currentTerms().officeHours })).toThrow(UnknownHolidayTableError);
  });
});
