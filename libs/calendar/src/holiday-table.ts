/**
 * Days off and make-up working days for public administration, by local date (Asia/Ho_Chi_Minh).
 * The table is versioned: a due date is computed once, at reception, with the version in force,
 * and an announcement that arrives later (a new year's Tết schedule) is a new version.
 */
export interface HolidayTable {
  version: string;
  /** Weekdays on which offices are closed. */
  daysOff: HolidayEntry[];
  /** Saturdays worked to make up for a bridged weekday. */
  makeUpWorkingDays: HolidayEntry[];
}

export interface HolidayEntry {
  /** Local date, YYYY-MM-DD. */
  date: string;
  name: string;
  /**
   * OFFICIAL: from the government's announced schedule for public servants.
   * PROJECTED: derived from the Labour Code's rules and the lunar calendar, to be replaced by the
   * announced schedule in a new table version.
   */
  status: 'OFFICIAL' | 'PROJECTED';
}

const day = (date: string, name: string, status: HolidayEntry['status']): HolidayEntry => ({ date, name, status });
const official = (name: string, ...dates: string[]) => dates.map((date) => day(date, name, 'OFFICIAL'));
const projected = (name: string, ...dates: string[]) => dates.map((date) => day(date, name, 'PROJECTED'));

/** Viet Nam, 2024–2027: New Year, Tết, Hùng Kings, 30/4, 1/5, National Day 2/9 and its adjacent day. */
export const VIETNAM_HOLIDAYS: HolidayTable = {
  version: 'VN-2024-2027.1',
  daysOff: [
    ...official('New Year', '2024-01-01'),
    ...official('Tết Giáp Thìn', '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'),
    ...official('Hùng Kings Commemoration', '2024-04-18'),
    ...official('Reunification Day bridge', '2024-04-29'),
    ...official('Reunification Day', '2024-04-30'),
    ...official('International Workers’ Day', '2024-05-01'),
    ...official('National Day', '2024-09-02', '2024-09-03'),

    ...official('New Year', '2025-01-01'),
    ...official('Tết Ất Tỵ', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'),
    ...official('Hùng Kings Commemoration', '2025-04-07'),
    ...official('Reunification Day', '2025-04-30'),
    ...official('International Workers’ Day', '2025-05-01'),
    ...official('International Workers’ Day bridge', '2025-05-02'),
    ...official('National Day', '2025-09-01', '2025-09-02'),

    ...projected('New Year', '2026-01-01'),
    ...projected('Tết Bính Ngọ', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'),
    ...projected('Hùng Kings Commemoration (compensating Sunday 26/4)', '2026-04-27'),
    ...projected('Reunification Day', '2026-04-30'),
    ...projected('International Workers’ Day', '2026-05-01'),
    ...projected('National Day', '2026-09-01', '2026-09-02'),

    ...projected('New Year', '2027-01-01'),
    ...projected('Tết Đinh Mùi', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'),
    ...projected('Hùng Kings Commemoration', '2027-04-16'),
    ...projected('Reunification Day', '2027-04-30'),
    ...projected('International Workers’ Day (compensating Saturday 1/5)', '2027-05-03'),
    ...projected('National Day', '2027-09-02', '2027-09-03'),
  ],
  makeUpWorkingDays: [...official('Make-up for 29/4/2024', '2024-05-04'), ...official('Make-up for 2/5/2025', '2025-04-26')],
};
