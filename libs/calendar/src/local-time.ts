/**
 * Viet Nam keeps UTC+7 all year (no daylight saving), so local wall time is a fixed shift:
 * pure arithmetic, no time-zone database, the same result on every machine.
 */
const OFFSET_MS = 7 * 3600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Local date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since local midnight. */
export function localMinutes(instant: Date): number {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60 + local.getUTCMilliseconds() / MINUTE_MS;
}

/** The instant of a local date at a number of minutes after local midnight. */
export function atLocal(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS + minutes * MINUTE_MS);
}

export function nextDate(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a local date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

/**
 * The same local calendar as whole day numbers (days since 1970-01-01), for loops that walk day
 * by day: integer steps and a weekday by remainder instead of a string parsed and printed per day.
 */
export function localDay(instant: Date): number {
  const shifted = validTime(instant) + OFFSET_MS;
  return (shifted - millisOfDay(shifted)) / DAY_MS;
}

/** Minutes since local midnight, to the same last bit as `localMinutes` (the same sum of the same parts). */
export function localMinutesOfDay(instant: Date): number {
  const ms = millisOfDay(validTime(instant) + OFFSET_MS);
  return Math.floor(ms / 3600_000) * 60 + (Math.floor(ms / MINUTE_MS) % 60) + (Math.floor(ms / 1000) % 60) / 60 + (ms % 1000) / MINUTE_MS;
}

/** The instant of a local day number at a number of minutes after local midnight (as `atLocal`). */
export function atLocalDay(day: number, minutes: number): Date {
  return new Date(day * DAY_MS - OFFSET_MS + minutes * MINUTE_MS);
}

/** The day number of a local date (YYYY-MM-DD); NaN when it is not one. */
export function dayOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`) / DAY_MS;
}

/** 0 = Sunday … 6 = Saturday, of a local day number (day 0 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function millisOfDay(shifted: number): number {
  return ((shifted % DAY_MS) + DAY_MS) % DAY_MS;
}

/** An invalid Date fails as `toISOString` would have failed on it. */
function validTime(instant: Date): number {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid time value');
  return time;
}
