import { INDICATOR_IDS, type IndicatorId } from './indicator-catalogue';
import { AVG_PARTS, FINISHED, reportColumns, reportQuery } from './indicator-report-sql';
import type { GroupKey } from './indicator-report';
import { GROUP_COLUMNS, type IndicatorSqlQuery } from './indicator-sql';
import { PERIOD_SQL, TZ } from './indicator-sql.parts';
import type { PeriodKind } from './periods';

/**
 * The indicator totals: per finished dossier, what reportQuery counts it for in each period
 * (`indicator_contributions`), and their sums per period and finest group (`indicator_totals`).
 * Every figure is reportQuery's own, taken per dossier; nothing here restates a rule.
 */
export const GROUP_KEY_LIST = Object.keys(GROUP_COLUMNS) as GroupKey[];
export const GROUP_COLUMN_LIST = GROUP_KEY_LIST.map((key) => GROUP_COLUMNS[key]);

/** The additive columns, in catalogue order: each indicator's numerator and denominator; avg_resolution_time's parts instead of its numerator. */
export const MEASURE_COLUMNS: readonly string[] = INDICATOR_IDS.flatMap((id) => {
  const c = reportColumns(id);
  return id === 'avg_resolution_time' ? [c.denominator, AVG_PARTS.hours, AVG_PARTS.days, AVG_PARTS.hourRows, AVG_PARTS.dayRows] : [c.numerator, c.denominator];
});

/**
 * The local dates a batch of dossiers can count in, from the first reception to the last
 * instant any of them is judged by: the range handed to reportQuery for their contributions.
 */
export const CONTRIBUTION_RANGE_SQL = `SELECT min((f.received_at AT TIME ZONE ${TZ})::date)::text AS from,
       max((GREATEST(f.received_at, f.resolved_at, ${FINISHED}) AT TIME ZONE ${TZ})::date)::text AS to
  FROM dossier_facts f WHERE f.dossier_id = ANY($1::uuid[]) AND f.received_at IS NOT NULL AND ${FINISHED} IS NOT NULL`;

/**
 * Stores the contributions of the finished dossiers among `ids` for one period kind: reportQuery
 * over every indicator, grouped by the dossier and every group key. Judged as of 'infinity': a
 * finished dossier's figures are the same at every as-of past its `settled_at` (see SETTLED_AT),
 * and the report reads them only then.
 */
export function insertContributions(kind: PeriodKind, range: { from: string; to: string }, ids: string[]): { text: string; values: unknown[] } {
  const query: IndicatorSqlQuery = { period: kind, groupBy: GROUP_KEY_LIST, from: range.from, to: range.to, asOf: new Date(0) };
  const report = reportQuery(INDICATOR_IDS, query, {
    perDossier: true,
    parts: true,
    filter: { sql: (first) => `f.dossier_id = ANY($${first}::uuid[]) AND ${FINISHED} IS NOT NULL`, values: [ids] },
  });
  const values = [...report.values];
  values[2] = 'infinity';
  const columns = ['dossier_id', 'period_kind', 'period_start', 'period', ...GROUP_COLUMN_LIST, 'settled_at', ...MEASURE_COLUMNS];
  const selected = ['r.dossier_id', `'${kind}'`, 'r.period_start', 'r.period', ...GROUP_KEY_LIST.map((key) => `r."${key}"`), 'r.settled_at', ...MEASURE_COLUMNS.map((c) => `coalesce(r.${c}, 0)`)];
  return { text: `INSERT INTO indicator_contributions (${columns.join(', ')})\nSELECT ${selected.join(', ')} FROM (${report.text}) r`, values };
}

/**
 * Adds (`sign` 1) or takes away (-1) the stored contributions of `$1` (dossier ids) from the
 * totals, one upsert per batch; answers the totals rows it touched with their dossier count after.
 */
export function shiftTotals(sign: 1 | -1): string {
  const keys = ['period_kind', 'period_start', 'period', ...GROUP_COLUMN_LIST];
  const measures = ['dossiers', ...MEASURE_COLUMNS];
  return `INSERT INTO indicator_totals (${[...keys, ...measures].join(', ')})
SELECT ${keys.join(', ')}, ${sign} * count(*), ${MEASURE_COLUMNS.map((c) => `${sign} * sum(${c})`).join(', ')}
  FROM indicator_contributions WHERE dossier_id = ANY($1::uuid[])
 GROUP BY ${keys.join(', ')}
ON CONFLICT ON CONSTRAINT indicator_totals_group DO UPDATE SET ${measures.map((c) => `${c} = indicator_totals.${c} + excluded.${c}`).join(', ')}
RETURNING period_kind, period_start, dossiers`;
}

/**
 * The sums of `table` (the totals, or some dossiers' contributions) per asked period and group,
 * under reportQuery's column names, for the periods `query` covers. `where` narrows the rows
 * (its parameters numbered from `first`).
 */
export function summedSelect(
  table: 'indicator_totals' | 'indicator_contributions',
  query: IndicatorSqlQuery,
  where?: { sql: (first: number) => string; values: unknown[] },
): { text: string; values: unknown[] } {
  const p = PERIOD_SQL[query.period];
  const lo = `(date_trunc('${p.trunc}', $1::date::timestamp) AT TIME ZONE ${TZ})`;
  const hiEnd = `((date_trunc('${p.trunc}', $2::date::timestamp) + ${p.step}) AT TIME ZONE ${TZ})`;
  const groups = query.groupBy.map((key) => GROUP_COLUMNS[key]);
  const units = query.units ? [`t.${GROUP_COLUMNS[query.units.by]} = ANY($4::text[])`] : [];
  const first = 4 + (query.units ? 1 : 0);
  const conditions = [`t.period_kind = $3`, `t.period_start >= ${lo}`, `t.period_start < ${hiEnd}`, ...units, ...(where ? [`(${where.sql(first)})`] : [])];
  const text = `SELECT t.period, t.period_start${groups.map((column, i) => `, t.${column} AS "${query.groupBy[i]}"`).join('')},
       ${MEASURE_COLUMNS.map((c) => `sum(t.${c}) AS ${c}`).join(', ')}
  FROM ${table} t
 WHERE ${conditions.join(' AND ')}
 GROUP BY t.period, t.period_start${groups.map((column) => `, t.${column}`).join('')}`;
  return { text, values: [query.from, query.to, query.period, ...(query.units ? [query.units.codes] : []), ...(where?.values ?? [])] };
}

/** The measure columns one asked indicator reads from a summed row. */
export function measuresOf(id: IndicatorId): string[] {
  const c = reportColumns(id);
  return id === 'avg_resolution_time' ? [c.denominator, AVG_PARTS.hours, AVG_PARTS.days, AVG_PARTS.hourRows, AVG_PARTS.dayRows] : [c.numerator, c.denominator];
}
