import { WorkingCalendar } from '@motcua/calendar';

/** Office time left before the due date at which processing reminds (one working day). */
export const DUE_SOON_WORKING_MINUTES = 450;
const MINUTE_MS = 60_000;
/** Far enough back to hold a working day even across the Tết holiday. */
const SEARCH_BACK_MS = 40 * 86_400_000;

/**
 * The first instant from which at most `within` minutes of office time are left before `dueAt`.
 * Office time left only shrinks as time passes, so a search by halves finds it to the minute.
 */
export function dueSoonFrom(calendar: WorkingCalendar, dueAt: Date, within = DUE_SOON_WORKING_MINUTES): Date {
  let early = dueAt.getTime() - SEARCH_BACK_MS;
  let late = dueAt.getTime();
  if (calendar.workingMinutesBetween(new Date(early), dueAt) <= within) return new Date(early);
  while (late - early > MINUTE_MS) {
    const middle = early + Math.floor((late - early) / 2 / MINUTE_MS) * MINUTE_MS || early + MINUTE_MS;
    if (calendar.workingMinutesBetween(new Date(middle), dueAt) <= within) late = middle;
    else early = middle;
  }
  return new Date(late);
}

/** 766 §2.2: office time from reception to resolution, less the pauses processing recorded. */
export function resolutionWorkingMinutes(calendar: WorkingCalendar, receivedAt: Date, resolvedAt: Date, pausedWorkingMinutes: number): number {
  return Math.max(0, calendar.workingMinutesBetween(receivedAt, resolvedAt) - pausedWorkingMinutes);
}
