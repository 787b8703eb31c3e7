import { assertNever } from '@motcua/platform/errors';

/**
 * Reporting periods, cut in Asia/Ho_Chi_Minh time. Viet Nam keeps UTC+7 all year, so a local
 * boundary is a fixed shift from UTC — the same arithmetic PostgreSQL does with
 * `AT TIME ZONE 'Asia/Ho_Chi_Minh'`, which the SQL form relies on to agree with these functions.
 */
export const PERIOD_KINDS = ['day', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const REPORTING_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 3600_000;

export interface Period {
  kind: PeriodKind;
  /** `2025-01-31`, `2025-01`, `2025-Q1`, `2025`. */
  key: string;
  /** First instant of the period (local midnight). */
  start: Date;
  /** First instant of the next period: periods are half-open, [start, end). */
  end: Date;
}

/** Local calendar fields of an instant, read off a shifted UTC date. */
function local(instant: Date): { y: number; m: number; d: number } {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth(), d: shifted.getUTCDate() };
}

function localMidnight(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m, d) - OFFSET_MS);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The period of a kind that contains an instant. */
export function periodOf(instant: Date, kind: PeriodKind): Period {
  const { y, m, d } = local(instant);
  switch (kind) {
    case 'day':
      return { kind, key: `${y}-${pad(m + 1)}-${pad(d)}`, start: localMidnight(y, m, d), end: localMidnight(y, m, d + 1) };
    case 'month':
      return { kind, key: `${y}-${pad(m + 1)}`, start: localMidnight(y, m, 1), end: localMidnight(y, m + 1, 1) };
    case 'quarter': {
      const q = Math.floor(m / 3);
      return { kind, key: `${y}-Q${q + 1}`, start: localMidnight(y, q * 3, 1), end: localMidnight(y, q * 3 + 3, 1) };
    }
    case 'year':
      return { kind, key: `${y}`, start: localMidnight(y, 0, 1), end: localMidnight(y + 1, 0, 1) };
    default:
      return assertNever(kind);
  }
}

/** The instant of a local date's midnight, from `YYYY-MM-DD`. */
export function localDateStart(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`invalid local date '${date}'`);
  return localMidnight(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/**
 * Whole periods covering the local dates `from`…`to`, both inclusive: a month asked from the 15th
 * is the whole month, because a rate over a cut period would not be the rate the ministry sees.
 */
export function periodsCovering(from: string, to: string, kind: PeriodKind): Period[] {
  const last = periodOf(localDateStart(to), kind);
  const periods: Period[] = [];
  for (let period = periodOf(localDateStart(from), kind); period.start <= last.start; period = periodOf(period.end, kind)) {
    periods.push(period);
  }
  return periods;
}
