import {
  FigureSums,
  figureOf,
  reportColumns,
  reportQuery,
  roundedAverage,
  SETTLED_AT,
  summedSelect,
  type Figure,
  type IndicatorId,
  type IndicatorRow,
  type IndicatorSqlQuery,
} from '../../domain/indicators';

/** What the readers need of a connection: an EntityManager, or a pg client answering rows. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
}

interface SqlRow {
  period: string;
  period_start: Date;
  [column: string]: unknown;
}

/**
 * The report from the indicator totals, equal to `reportLive` at every moment whatever the queue
 * holds: the totals (the finished dossiers' sums as last drained), less the stored contributions
 * of the dossiers whose figures may differ now (queued since their facts changed, or judged
 * before their last instant, `settled_at`), plus reportQuery over those and the open ones. The
 * caller runs it in one snapshot (tables as the search path finds them).
 */
export async function reportFromTotals(db: Queryable, query: IndicatorSqlQuery, ids: readonly IndicatorId[]): Promise<IndicatorRow[]> {
  const [{ ids: queued }] = (await db.query(`SELECT coalesce(array_agg(dossier_id), '{}') AS ids FROM indicator_dirty_dossiers`)) as { ids: string[] }[];
  const totals = summedSelect('indicator_totals', query);
  const stale = summedSelect('indicator_contributions', query, {
    sql: (first) => `t.dossier_id = ANY($${first}::uuid[]) OR t.settled_at >= $${first + 1}::timestamptz`,
    values: [queued, query.asOf],
  });
  const live = reportQuery(ids, query, {
    parts: true,
    filter: { sql: (first) => `${SETTLED_AT} >= $${first}::timestamptz OR f.dossier_id = ANY($${first + 1}::uuid[])`, values: [query.asOf, queued] },
  });
  const sums = new FigureSums(query.groupBy)
    .add((await db.query(totals.text, totals.values)) as SqlRow[], 1)
    .add((await db.query(stale.text, stale.values)) as SqlRow[], -1)
    .add((await db.query(live.text, live.values)) as SqlRow[], 1);
  return sums.report(ids);
}

/** The report from one live pass over every fact: what the totals must always equal. */
export async function reportLive(db: Queryable, query: IndicatorSqlQuery, ids: readonly IndicatorId[]): Promise<IndicatorRow[]> {
  const rows = new Map<string, IndicatorRow & { start: number }>();
  // Every indicator in one pass over the facts; a denominator of 0 is a figure with no dossier
  // behind it, which the report leaves out (as it leaves out a period and group with none).
  const { text, values } = reportQuery(ids, query);
  for (const r of (await db.query(text, values)) as SqlRow[]) {
    const figures = ids.flatMap((id) => {
      const c = reportColumns(id);
      const denominator = Number(r[c.denominator]);
      if (denominator === 0) return [];
      const numerator = Number(r[c.numerator]);
      const figure: Figure = figureOf(id, id === 'avg_resolution_time' ? roundedAverage(numerator) : numerator, denominator);
      const timeUnit = r[c.timeUnit] as Figure['timeUnit'] | undefined;
      return [[id, timeUnit ? { ...figure, timeUnit } : figure] as const];
    });
    if (figures.length === 0) continue;
    const group = Object.fromEntries(query.groupBy.map((key) => [key, (r[key] as string | null) ?? null]));
    const key = JSON.stringify([r.period, ...query.groupBy.map((k) => group[k])]);
    rows.set(key, { period: r.period, group, indicators: Object.fromEntries(figures), start: new Date(r.period_start).getTime() });
  }
  const ordered = [...rows.entries()].sort(([ka, a], [kb, b]) => a.start - b.start || (ka < kb ? -1 : ka > kb ? 1 : 0));
  return ordered.map(([, { start: _start, ...row }]) => row);
}
