import type { IndicatorId } from './indicator-catalogue';
import { AVG_PARTS, reportColumns } from './indicator-report-sql';
import { figureOf, type Figure, type GroupKey, type IndicatorRow } from './indicator-report';
import { MEASURE_COLUMNS } from './indicator-totals-sql';

/**
 * avg_resolution_time's numerator to a millionth of its unit: its sums are float8, and the same
 * dossiers summed in another order (totals built over time, or one pass) differ in the last
 * bits. Both report paths round it so; the counts are whole numbers and exact either way.
 */
export const roundedAverage = (numerator: number) => Math.round(numerator * 1e6) / 1e6;

interface SummedRow {
  period: string;
  period_start: Date | string;
  [column: string]: unknown;
}

/**
 * The report's figures as sums of parts: rows of totals, of contributions to take away and of
 * live counts, each with the measure columns of `MEASURE_COLUMNS`, added per period and group.
 */
export class FigureSums {
  private readonly rows = new Map<string, { period: string; start: number; group: Partial<Record<GroupKey, string | null>>; sums: Map<string, number> }>();

  constructor(private readonly groupBy: GroupKey[]) {}

  add(rows: SummedRow[], sign: 1 | -1): this {
    for (const r of rows) {
      const group = Object.fromEntries(this.groupBy.map((key) => [key, (r[key] as string | null) ?? null]));
      const key = JSON.stringify([r.period, ...this.groupBy.map((k) => group[k])]);
      const entry = this.rows.get(key) ?? { period: r.period, start: new Date(r.period_start).getTime(), group, sums: new Map<string, number>() };
      this.rows.set(key, entry);
      for (const column of MEASURE_COLUMNS) {
        if (r[column] === undefined) continue;
        entry.sums.set(column, (entry.sums.get(column) ?? 0) + sign * Number(r[column] ?? 0));
      }
    }
    return this;
  }

  /** Rows in period order, then by group; a figure with no dossier behind it is left out, and a row with none. */
  report(ids: readonly IndicatorId[]): IndicatorRow[] {
    const out: { key: string; start: number; row: IndicatorRow }[] = [];
    for (const [key, entry] of this.rows) {
      const sum = (column: string) => entry.sums.get(column) ?? 0;
      const figures = ids.flatMap((id): [IndicatorId, Figure][] => {
        const c = reportColumns(id);
        const denominator = sum(c.denominator);
        if (denominator === 0) return [];
        if (id !== 'avg_resolution_time') return [[id, figureOf(id, sum(c.numerator), denominator)]];
        const allHours = sum(AVG_PARTS.dayRows) === 0 && sum(AVG_PARTS.hourRows) > 0;
        const numerator = roundedAverage(allHours ? sum(AVG_PARTS.hours) : sum(AVG_PARTS.days));
        return [[id, { ...figureOf(id, numerator, denominator), timeUnit: allHours ? 'WORKING_HOURS' : 'WORKING_DAYS' }]];
      });
      if (figures.length > 0) out.push({ key, start: entry.start, row: { period: entry.period, group: entry.group, indicators: Object.fromEntries(figures) } });
    }
    return out.sort((a, b) => a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ row }) => row);
  }
}
