/**
 * Reporting months cut in Asia/Ho_Chi_Minh time. Viet Nam keeps UTC+7 all year, so a local
 * midnight is a fixed shift from UTC; written here again rather than borrowed from the read side,
 * because the ground truth must not share the code it checks.
 */
const OFFSET_MS = 7 * 3600_000;

export interface Month {
  /** `2025-01`. */
  key: string;
  start: number;
  /** The first instant of the next month, or asOf while the month is still running: [start, end). */
  end: number;
}

const localMidnight = (year: number, monthIndex: number): number => Date.UTC(year, monthIndex, 1) - OFFSET_MS;

function parseMonth(key: string): { year: number; monthIndex: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new RangeError(`a month is YYYY-MM, not '${key}'`);
  return { year: Number(match[1]), monthIndex: Number(match[2]) - 1 };
}

/** Every month from `from` to `to`, both included, that has begun by asOf. */
export function monthsBetween(from: string, to: string, asOf: Date): Month[] {
  const first = parseMonth(from);
  const last = parseMonth(to);
  const months: Month[] = [];
  for (let i = first.year * 12 + first.monthIndex; i <= last.year * 12 + last.monthIndex; i++) {
    const year = Math.floor(i / 12);
    const monthIndex = i % 12;
    const start = localMidnight(year, monthIndex);
    if (start >= asOf.getTime()) break;
    const end = Math.min(localMidnight(year, monthIndex + 1), asOf.getTime());
    months.push({ key: `${year}-${String(monthIndex + 1).padStart(2, '0')}`, start, end });
  }
  return months;
}
