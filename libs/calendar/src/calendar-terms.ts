import { HolidayTable, VIETNAM_HOLIDAYS } from './holiday-table';
import { DEFAULT_OFFICE_HOURS, OfficePeriod, WorkingCalendar } from './working-calendar';

/**
 * What a due date was computed with: the holiday table's version and the receiving unit's office
 * hours. Recorded with the dossier at reception, so a later table or a unit's new hours never
 * silently move a past due date: every later computation on the dossier uses the same terms.
 */
export interface CalendarTerms {
  holidayTable: string;
  officeHours: OfficePeriod[];
}

/** Every holiday table version ever in force: a recorded version must stay readable. */
const HOLIDAY_TABLES: ReadonlyMap<string, HolidayTable> = new Map([[VIETNAM_HOLIDAYS.version, VIETNAM_HOLIDAYS]]);

/** The table new dossiers are received under. */
export const CURRENT_HOLIDAY_TABLE = VIETNAM_HOLIDAYS;

/** Whether this build can read terms recorded with that holiday table version. */
export function isKnownHolidayTable(version: string): boolean {
  return HOLIDAY_TABLES.has(version);
}

export class UnknownHolidayTableError extends Error {
  constructor(readonly version: string) {
    super(`No holiday table ${version} is known: a dossier's recorded calendar must stay readable`);
  }
}

/** The terms a unit's new dossiers are received under (the default office hours where the unit has none of its own). */
export function currentTerms(officeHours: OfficePeriod[] = DEFAULT_OFFICE_HOURS): CalendarTerms {
  return { holidayTable: CURRENT_HOLIDAY_TABLE.version, officeHours };
}

const calendars = new Map<string, WorkingCalendar>();

/** Terms as one string, whatever order their fields were stored in (absent terms are the defaults). */
export function termsKey(terms: CalendarTerms | null | undefined): string {
  return terms ? JSON.stringify([terms.holidayTable, terms.officeHours.map((p) => [p.start, p.end])]) : '';
}

/** The calendar of recorded terms, built once per distinct terms; absent terms (dossiers received before they were recorded) are the defaults they were computed with. */
export function calendarFor(terms: CalendarTerms | null | undefined): WorkingCalendar {
  const key = termsKey(terms);
  let calendar = calendars.get(key);
  if (!calendar) {
    const table = terms ? HOLIDAY_TABLES.get(terms.holidayTable) : VIETNAM_HOLIDAYS;
    if (!table) throw new UnknownHolidayTableError(terms?.holidayTable ?? '');
    calendar = new WorkingCalendar(table, terms?.officeHours ?? DEFAULT_OFFICE_HOURS);
    calendars.set(key, calendar);
  }
  return calendar;
}
