import { localDate, WorkingCalendar } from '@motcua/calendar';
import type { Random } from './random';

const OFFSET_MS = 7 * 3_600_000;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** An instant from a local wall time in Viet Nam (UTC+7 all year). */
export const vn = (local: string): number => Date.parse(`${local}+07:00`);

/** The months the workload covers; the run ends once the clock is past the last one. */
export const SIMULATION = { from: '2025-01', to: '2025-05', firstDay: '2025-01-02', lastDay: '2025-05-30', end: vn('2025-06-01T00:00:00') } as const;

/**
 * Acts whose instant another service stamps when it consumes the event (a supplement reaching
 * processing, a payment resuming a case, a result issued) land `latency × speed` later in
 * simulated time: none is planned in the last two days of a month, so no month's figure depends
 * on that latency.
 */
export const QUIET_DAYS = 2;

export class SimulatedTime {
  constructor(readonly calendar: WorkingCalendar = new WorkingCalendar()) {}

  /** The working days between two local dates, both included (Tết and the other holidays left out). */
  workingDays(from: string, to: string): string[] {
    const days: string[] = [];
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (this.calendar.isWorkingDay(date)) days.push(date);
    }
    return days;
  }

  /** An instant `officeMinute` minutes into the office time of a working day. */
  inOfficeHours(date: string, officeMinute: number): number {
    // Half a minute off the whole minute, and inside the period: a closing counts as after hours.
    const at = this.calendar.addWorkingMinutes(new Date(vn(`${date}T00:00:00`)), Math.max(1, officeMinute) - 0.5).getTime();
    return this.calendar.clockStart(new Date(at)).getTime() === at ? at : at - MINUTE;
  }

  /** `minutes` of office time after `from` (from the next opening when `from` is after hours). */
  after(from: number, minutes: number): number {
    return this.calendar.addWorkingMinutes(this.calendar.clockStart(new Date(from)), Math.max(1, Math.round(minutes))).getTime();
  }

  inQuietZone(at: number): boolean {
    return at >= monthEnd(at) - QUIET_DAYS * DAY;
  }

  /** The instant itself, or, inside a month's quiet zone, a little into the next month's office time. */
  awayFromMonthEnd(at: number, random: Random): number {
    if (!this.inQuietZone(at)) return at;
    return this.after(monthEnd(at), random.int(5, 240));
  }

  localDate(at: number): string {
    return localDate(new Date(at));
  }
}

/** The first instant of the next local month. */
export function monthEnd(at: number): number {
  const local = new Date(at + OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - OFFSET_MS;
}

export const minutes = (n: number): number => n * MINUTE;
