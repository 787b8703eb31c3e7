import { HolidayTable, VIETNAM_HOLIDAYS } from './holiday-table';
import { atLocalDay, dayOfDate, localDay, localMinutesOfDay, weekday, weekdayOfDay } from './local-time';

/** A stretch of office time within a day, local wall clock `HH:MM`. */
export interface OfficePeriod {
  start: string;
  end: string;
}

/** 07:30–11:30 and 13:30–17:00, Monday to Friday (DESIGN.md); units may configure their own. */
export const DEFAULT_OFFICE_HOURS: OfficePeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

export type ProcessingTime = { value: number; unit: 'WORKING_DAYS' | 'WORKING_HOURS' };

/** A stretch during which the legal clock stands still (a supplement awaited, payment awaited). */
export interface Pause {
  from: Date;
  /** Absent while the pause is still running. */
  to?: Date;
}

/** Ten years of days: a loop that runs longer has met a calendar without working days. */
const MAX_DAYS = 3660;

/**
 * The legal clock: working days, office hours, holidays and make-up days. A working day is the
 * unit's daily office time (7.5 hours by default), so deadlines in days and in hours, pauses and
 * extensions all reduce to one measure: working minutes.
 */
export class WorkingCalendar {
  private readonly periods: { start: number; end: number }[];
  private readonly daysOff: Set<string>;
  private readonly makeUpDays: Set<string>;
  /** The same days as day numbers: the due-date and elapsed-time loops visit every day of a span. */
  private readonly dayNumbersOff: Set<number>;
  private readonly makeUpDayNumbers: Set<number>;

  constructor(
    readonly holidays: HolidayTable = VIETNAM_HOLIDAYS,
    officeHours: OfficePeriod[] = DEFAULT_OFFICE_HOURS,
  ) {
    this.periods = officeHours.map((p) => ({ start: toMinutes(p.start), end: toMinutes(p.end) })).sort((a, b) => a.start - b.start);
    if (this.periods.some((p, i) => p.end <= p.start || (i > 0 && p.start < this.periods[i - 1].end))) {
      throw new RangeError('office periods must be ordered, non-empty and not overlapping');
    }
    this.daysOff = new Set(holidays.daysOff.map((d) => d.date));
    this.makeUpDays = new Set(holidays.makeUpWorkingDays.map((d) => d.date));
    this.dayNumbersOff = new Set([...this.daysOff].map(dayOfDate));
    this.makeUpDayNumbers = new Set([...this.makeUpDays].map(dayOfDate));
  }

  /** Minutes of office time in one working day. */
  get workingDayMinutes(): number {
    return this.periods.reduce((sum, p) => sum + p.end - p.start, 0);
  }

  isWorkingDay(date: string): boolean {
    if (this.makeUpDays.has(date)) return true;
    const day = weekday(date);
    return day !== 0 && day !== 6 && !this.daysOff.has(date);
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.makeUpDayNumbers.has(day)) return true;
    const weekdayOf = weekdayOfDay(day);
    return weekdayOf !== 0 && weekdayOf !== 6 && !this.dayNumbersOff.has(day);
  }

  toWorkingMinutes(time: ProcessingTime): number {
    return time.unit === 'WORKING_DAYS' ? time.value * this.workingDayMinutes : time.value * 60;
  }

  /** When the clock starts for something received at `instant`: at once in office hours, else at the next opening. */
  clockStart(instant: Date): Date {
    return this.walk(instant, (day, start) => atLocalDay(day, start));
  }

  /**
   * The instant at which `minutes` of office time have passed since `from`. No time passes from
   * `from` itself, wherever it falls: a due date at a closing instant moved by zero minutes stays
   * there, so a due date moved in parts lands where it lands when moved at once.
   */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (minutes < 0) throw new RangeError('working time cannot be negative');
    if (minutes === 0) return from;
    let remaining = minutes;
    return this.walk(from, (day, start, end) => {
      if (remaining <= end - start) return atLocalDay(day, start + remaining);
      remaining -= end - start;
      return undefined;
    });
  }

  /** Visits the office periods from `from` on, each clipped to start no earlier than `from` and never empty, until `visit` answers. */
  private walk(from: Date, visit: (day: number, start: number, end: number) => Date | undefined): Date {
    let day = localDay(from);
    let cursor = localMinutesOfDay(from);
    for (let days = 0; days < MAX_DAYS; days++) {
      if (this.isWorkingDayNumber(day)) {
        for (const period of this.periods) {
          const start = Math.max(period.start, cursor);
          if (start >= period.end) continue;
          const found = visit(day, start, period.end);
          if (found) return found;
        }
      }
      day += 1;
      cursor = 0;
    }
    throw new RangeError(`no working time found within ${MAX_DAYS} days of ${from.toISOString()}`);
  }

  /** Office time between two instants, in minutes (0 when `to` is not after `from`). */
  workingMinutesBetween(from: Date, to: Date): number {
    if (to <= from) return 0;
    const firstDay = localDay(from);
    const lastDay = localDay(to);
    const firstMinutes = localMinutesOfDay(from);
    const lastMinutes = localMinutesOfDay(to);
    // Summed period by period, day by day, in the order it always was: the same float, to the bit.
    let total = 0;
    for (let day = firstDay, days = 0; day <= lastDay && days < MAX_DAYS; day++, days++) {
      if (!this.isWorkingDayNumber(day)) continue;
      const dayStart = day === firstDay ? firstMinutes : 0;
      const dayEnd = day === lastDay ? lastMinutes : 24 * 60;
      for (const period of this.periods) total += Math.max(0, Math.min(period.end, dayEnd) - Math.max(period.start, dayStart));
    }
    return total;
  }

  /**
   * The due date: the processing time counted in office time from reception, pushed back by the
   * office time of every closed pause and by approved extensions. Undefined while a pause runs:
   * the clock stands still and there is no due date until it moves again.
   */
  dueAt(receivedAt: Date, time: ProcessingTime, options: { pauses?: Pause[]; extensions?: ProcessingTime[] } = {}): Date | undefined {
    const pauses = options.pauses ?? [];
    if (pauses.some((pause) => !pause.to)) return undefined;
    const paused = pauses.reduce((sum, pause) => sum + this.workingMinutesBetween(pause.from, pause.to as Date), 0);
    const extended = (options.extensions ?? []).reduce((sum, extension) => sum + this.toWorkingMinutes(extension), 0);
    return this.addWorkingMinutes(this.clockStart(receivedAt), this.toWorkingMinutes(time) + paused + extended);
  }

  /** Office time the dossier actually spent with the administration: elapsed, less its pauses. */
  elapsedWorkingMinutes(receivedAt: Date, until: Date, pauses: Pause[] = []): number {
    const paused = pauses.reduce((sum, pause) => sum + this.workingMinutesBetween(pause.from, pause.to && pause.to < until ? pause.to : until), 0);
    return Math.max(0, this.workingMinutesBetween(receivedAt, until) - paused);
  }
}

function toMinutes(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) throw new RangeError(`invalid office time '${hhmm}'`);
  return Number(match[1]) * 60 + Number(match[2]);
}
