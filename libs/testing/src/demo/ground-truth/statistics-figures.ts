import type { Figure } from './ground-truth';

/** The body of GET /v1/statistics/indicators, as far as the reconciliation reads it. */
export interface IndicatorReportBody {
  rows: {
    period: string;
    group: Record<string, string | null>;
    indicators: Record<string, { numerator: number; denominator: number; rate: number | null; timeUnit?: 'WORKING_DAYS' | 'WORKING_HOURS' }>;
  }[];
}

/** The group value of dossiers without a unit, should the API ever answer one. */
export const NO_UNIT = '(no unit)';

/** Every figure of a report grouped by unit at reception, flattened. */
export function figuresOfReport(body: IndicatorReportBody): Figure[] {
  if (!body || !Array.isArray(body.rows)) throw new TypeError('the statistics answer has no rows');
  return body.rows.flatMap((row) =>
    Object.entries(row.indicators).map(([indicator, f]) => ({
      period: row.period,
      unit: row.group['unit'] ?? NO_UNIT,
      indicator,
      numerator: f.numerator,
      denominator: f.denominator,
      ...(f.timeUnit ? { timeUnit: f.timeUnit } : {}),
    })),
  );
}

/** `2025-01` as the first local date of its month and `2025-05` as the last; dates pass as they are. */
function localDate(value: string, edge: 'first' | 'last'): string {
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (!month) return value;
  if (edge === 'first') return `${value}-01`;
  const lastDay = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
  return `${value}-${String(lastDay).padStart(2, '0')}`;
}

/**
 * The projections' own figures for the same months, by the unit that received the dossiers (the
 * ground truth knows the receiving unit, not today's successor). `range` takes months (`2025-01`)
 * or local dates (`2025-01-01`).
 */
export async function fetchStatistics(projectionsBaseUrl: string, headers: Record<string, string>, range: { from: string; to: string }): Promise<Figure[]> {
  const query = new URLSearchParams({ from: localDate(range.from, 'first'), to: localDate(range.to, 'last'), period: 'month', groupBy: 'unit', units: 'reception' });
  const url = `${projectionsBaseUrl.replace(/\/$/, '')}/v1/statistics/indicators?${query.toString()}`;
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  return figuresOfReport((await response.json()) as IndicatorReportBody);
}
