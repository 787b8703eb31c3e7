import type { IndicatorId } from './indicator-catalogue';
import type { GroupKey } from './indicator-report';
import { DENOMINATOR_FILTER, NUMERATOR, PERIOD_SQL, POPULATION, TZ } from './indicator-sql.parts';
import type { PeriodKind } from './periods';

/** The `dossier_facts` column behind each API grouping. */
export const GROUP_COLUMNS: Record<GroupKey, string> = {
  unit: 'unit',
  successorUnit: 'successor_unit',
  department: 'department',
  procedure: 'procedure_code',
  field: 'field',
  channel: 'channel',
};

/** Where the periods start and stop, and the instant a running period is judged at: SQL expressions. */
export interface Bounds {
  /** Local timestamp of the first period's start. */
  lo: string;
  /** Local timestamp of the last period's start. */
  hi: string;
  asOf: string;
  /** An extra condition on `f` (a caller's units). */
  where?: string;
}

/**
 * The rows behind an indicator: one per dossier and period it counts in, as `FROM … WHERE` text
 * exposing `f` (facts), `per.p_local` (the period's local start) and `n.hit` (in the numerator),
 * preceded by the bounds CTE `b` its text needs. The aggregate and the drill-down share it.
 */
export function dossierPeriodsSql(id: IndicatorId, kind: PeriodKind, bounds: Bounds): { cte: string; fromWhere: string } {
  const p = PERIOD_SQL[kind];
  const trunc = (instant: string) => `date_trunc('${p.trunc}', ${instant} AT TIME ZONE ${TZ})`;
  const population = POPULATION[id];
  const single = population === 'RECEIVED' || population === 'RESOLVED';
  const instant = population === 'RESOLVED' ? 'f.resolved_at' : 'f.received_at';
  // A dossier counts once per period it belongs to: the period of its reception or resolution,
  // or every period from its reception to its finish (clipped to the asked ones).
  const periods = single
    ? `CROSS JOIN LATERAL (SELECT ${trunc(instant)} AS p_local) per`
    : `CROSS JOIN LATERAL generate_series(GREATEST(${trunc('f.received_at')}, b.lo), LEAST(COALESCE(${trunc('fin.finished_at')}, b.hi), b.hi), ${p.step}) AS per(p_local)
  CROSS JOIN LATERAL (SELECT per.p_local AT TIME ZONE ${TZ} AS p_start, LEAST((per.p_local + ${p.step}) AT TIME ZONE ${TZ}, b.as_of) AS e OFFSET 0) pe
  CROSS JOIN LATERAL (SELECT fin.finished_at IS NULL OR fin.finished_at >= pe.e AS open OFFSET 0) j`;
  const where = single
    ? [`${instant} >= b.lo_i`, `${instant} < b.hi_end_i`, `(${instant} < b.as_of OR per.p_local AT TIME ZONE ${TZ} < b.as_of)`]
    : [`f.received_at < b.hi_end_i`, `(fin.finished_at IS NULL OR fin.finished_at >= b.lo_i)`, `pe.p_start < b.as_of`, `f.received_at < pe.e`, ...(population === 'OPEN_AT_END' ? ['j.open'] : [])];
  // Judged below any aggregate, so what is sorted or hashed per row is a boolean, not the JSON.
  const fromWhere = `FROM b CROSS JOIN dossier_facts f
  CROSS JOIN LATERAL (SELECT LEAST(f.resolved_at, f.result_issued_at, f.stopped_at, f.rejected_at, f.withdrawn_at) AS finished_at) fin
  ${periods}
  CROSS JOIN LATERAL (SELECT ${NUMERATOR[id]} AS hit OFFSET 0) n
  WHERE ${['f.received_at IS NOT NULL', ...where, DENOMINATOR_FILTER[id], bounds.where].filter(Boolean).join(' AND ')}`;
  // The bounds are computed once (a materialised one-row CTE), not once per dossier.
  const cte = `WITH b AS MATERIALIZED (
  SELECT lo, hi, lo AT TIME ZONE ${TZ} AS lo_i, (hi + ${p.step}) AT TIME ZONE ${TZ} AS hi_end_i, as_of
  FROM (SELECT ${bounds.lo} AS lo, ${bounds.hi} AS hi, ${bounds.asOf} AS as_of) v
)`;
  return { cte, fromWhere };
}

/**
 * One indicator's numerator and denominator per period and group, over `dossier_facts` (as the
 * search path finds it). Output: `period` (key), `period_start`, the group columns under the
 * aliases given, `numerator`, `denominator` (float8), and `time_unit` for avg_resolution_time.
 */
export function indicatorSelect(id: IndicatorId, kind: PeriodKind, groups: [column: string, alias: string][], bounds: Bounds): string {
  const { cte, fromWhere } = dossierPeriodsSql(id, kind, bounds);
  const hours = `bool_and(f.processing_time_unit = 'WORKING_HOURS')`;
  const measures =
    id === 'avg_resolution_time'
      ? [
          `CASE WHEN ${hours} THEN sum(f.resolution_working_minutes::float8 / 60) ELSE sum(f.resolution_working_minutes::float8 / f.working_day_minutes) END AS numerator`,
          `count(*)::float8 AS denominator`,
          `CASE WHEN ${hours} THEN 'WORKING_HOURS' ELSE 'WORKING_DAYS' END AS time_unit`,
        ]
      : [`count(*) FILTER (WHERE n.hit)::float8 AS numerator`, `count(*)::float8 AS denominator`];
  const inner = `SELECT per.p_local${groups.map(([column], i) => `, f.${column} AS g${i}`).join('')}, ${measures.join(', ')}
  ${fromWhere}
  GROUP BY per.p_local${groups.map(([column]) => `, f.${column}`).join('')}`;
  return `${cte}
SELECT to_char(x.p_local, ${PERIOD_SQL[kind].key}) AS period, x.p_local AT TIME ZONE ${TZ} AS period_start${groups.map(([, alias], i) => `, x.g${i} AS "${alias}"`).join('')},
       x.numerator, x.denominator${id === 'avg_resolution_time' ? ', x.time_unit' : ''}
FROM (${inner}) x`;
}

export interface IndicatorSqlQuery {
  period: PeriodKind;
  groupBy: GroupKey[];
  /** Local dates, both inclusive (YYYY-MM-DD); whole periods are reported. */
  from: string;
  to: string;
  /** Now: a running period is judged at this instant. */
  asOf: Date;
  /** Only these units (a caller's unit and those under it), by the unit at reception or its successor. */
  units?: { by: 'unit' | 'successorUnit'; codes: string[] };
}

/** Parameterised SQL for the REST API: `$1` from, `$2` to, `$3` as-of, `$4` units; rows ordered by period. */
export function indicatorQuery(id: IndicatorId, query: IndicatorSqlQuery): { text: string; values: unknown[] } {
  const trunc = PERIOD_SQL[query.period].trunc;
  const text = indicatorSelect(
    id,
    query.period,
    query.groupBy.map((key) => [GROUP_COLUMNS[key], key]),
    {
      lo: `date_trunc('${trunc}', $1::date::timestamp)`,
      hi: `date_trunc('${trunc}', $2::date::timestamp)`,
      asOf: '$3::timestamptz',
      where: query.units ? `f.${GROUP_COLUMNS[query.units.by]} = ANY($4::text[])` : undefined,
    },
  );
  const values = [query.from, query.to, query.asOf, ...(query.units ? [query.units.codes] : [])];
  return { text: `${text}\nORDER BY period_start`, values };
}
