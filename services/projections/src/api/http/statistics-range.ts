import { ValidateBy, ValidationArguments } from 'class-validator';
import { pageCursor } from '@motcua/platform';
import type { PeriodKind } from '../../domain/indicators';
import { DOSSIER_CODE } from './dossier-code.pipe';

/** A real calendar date: the round trip refuses what Date would roll over (31 February, month 13). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.toISOString().slice(0, 10) === value;
}

/**
 * Periods of a kind from one date's to another's, both counted, by calendar arithmetic (a loop
 * over the days of a hostile range would be the attack itself).
 */
export function periodCount(from: string, to: string, kind: PeriodKind): number {
  const [y1, m1] = from.split('-').map(Number);
  const [y2, m2] = to.split('-').map(Number);
  switch (kind) {
    case 'day':
      return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    case 'month':
      return y2 * 12 + m2 - (y1 * 12 + m1) + 1;
    case 'quarter':
      return y2 * 4 + Math.floor((m2 - 1) / 3) - (y1 * 4 + Math.floor((m1 - 1) / 3)) + 1;
    case 'year':
      return y2 - y1 + 1;
  }
}

/** The most periods one report answers: a year of days, ten years of months, quarters or twenty of years. */
export const MAX_PERIODS: Record<PeriodKind, number> = { day: 366, month: 120, quarter: 40, year: 20 };

interface Range {
  from?: unknown;
  period?: PeriodKind;
}

/** Checked on `to`, so the problem names it; a bad `from` is named by its own check. */
function rangeProblem(to: unknown, args: ValidationArguments, most: (kind: PeriodKind) => number): string | null {
  const { from, period = 'month' } = args.object as Range;
  if (!isLocalDate(to) || !isLocalDate(from)) return null;
  if (to < from) return 'to must not be before from';
  const count = periodCount(from, to, period);
  return count > most(period) ? `to must be at most ${most(period)} ${period === 'day' ? 'days' : `${period}s`} from from` : null;
}

export const IsPeriodRange = () =>
  ValidateBy({
    name: 'isPeriodRange',
    validator: {
      validate: (to, args) => rangeProblem(to, args as ValidationArguments, (kind) => MAX_PERIODS[kind]) === null,
      defaultMessage: (args) => rangeProblem(args?.value, args as ValidationArguments, (kind) => MAX_PERIODS[kind]) ?? 'to is not valid',
    },
  });

export const IsSinglePeriod = () =>
  ValidateBy({
    name: 'isSinglePeriod',
    validator: {
      validate: (to, args) => rangeProblem(to, args as ValidationArguments, () => 1) === null,
      defaultMessage: (args) => (rangeProblem(args?.value, args as ValidationArguments, () => 1) ?? 'to is not valid').replace(/at most 1 \w+ from from/, 'in the same period as from'),
    },
  });

/** Page cursors are the shared keyset cursor over the last code of a page, checked before any query. */
const byCode = pageCursor('text');
export const encodeCursor = (code: string): string => byCode.encode([code]);
export function decodeCursor(cursor: string): string | null {
  const code = byCode.decode(cursor)?.[0];
  return code !== undefined && DOSSIER_CODE.test(code) ? code : null;
}

export const IsPageCursor = () =>
  ValidateBy({ name: 'isPageCursor', validator: { validate: (value) => typeof value === 'string' && decodeCursor(value) !== null, defaultMessage: () => 'after must be the next value of a previous page' } });
