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
