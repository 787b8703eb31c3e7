import type { IndicatorId } from './indicator-catalogue';
import type { GroupKey } from './indicator-report';
import { CLOCK_SQL, DENOMINATOR_FILTER, JUDGED_AT_END, NUMERATOR, PERIOD_SQL, POPULATION, TZ } from './indicator-sql.parts';
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
interface Bounds {
  /** Local timestamp of the first period's start. */
  lo: string;
  /** Local timestamp of the last period's start. */
  hi: string;
  asOf: string;
  /** An extra condition on `f` (a caller's units). */
  where?: string;
}

/**
 * One indicator's numerator and denominator per period and group, over `dossier_facts` (as the
 * search path finds it). Output: `period` (key), `period_start`, the group columns under the
 * aliases given, `numerator`, `denominator` (float8), and `time_unit` for avg_resolution_time.
 */
export function indicatorSelect(id: IndicatorId, kind: PeriodKind, groups: [column: string, alias: string][], bounds: Bounds): string {
  const p = PERIOD_SQL[kind];
  const trunc = (instant: string) => `date_trunc('${p.trunc}', ${instant} AT TIME ZONE ${TZ})`;
  const population = POPULATION[id];
  const lo = `(${bounds.lo})`;
  const hi = `(${bounds.hi})`;
  const loInstant = `(${lo} AT TIME ZONE ${TZ})`;
  const hiEndInstant = `((${hi} + ${p.step}) AT TIME ZONE ${TZ})`;
  const periods =
    population === 'RECEIVED' || population === 'RESOLVED'
      ? `CROSS JOIN LATERAL (SELECT ${trunc(population === 'RECEIVED' ? 'f.received_at' : 'f.resolved_at')} AS p_local) per`
      : `CROSS JOIN LATERAL generate_series(GREATEST(${trunc('f.received_at')}, ${lo}), LEAST(COALESCE(${trunc('fin.finished_at')}, ${hi}), ${hi}), ${p.step}) AS per(p_local)`;
  const prefilter = {
    RECEIVED: `f.received_at >= ${loInstant} AND f.received_at < ${hiEndInstant}`,
    RESOLVED: `f.resolved_at >= ${loInstant} AND f.resolved_at < ${hiEndInstant}`,
    TO_PROCESS: `f.received_at < ${hiEndInstant} AND (fin.finished_at IS NULL OR fin.finished_at >= ${loInstant}) AND f.received_at < pe.e`,
    OPEN_AT_END: `f.received_at < ${hiEndInstant} AND (fin.finished_at IS NULL OR fin.finished_at >= ${loInstant}) AND f.received_at < pe.e AND j.open`,
  }[population];
  const judged = JUDGED_AT_END[id];
  const groupSelect = groups.map(([column, alias]) => `f.${column} AS "${alias}"`);
  const measures =
    id === 'avg_resolution_time'
      ? [
          `CASE WHEN bool_and(f.processing_time_unit = 'WORKING_HOURS') THEN sum(f.resolution_working_minutes::float8 / 60) ELSE sum(f.resolution_working_minutes::float8 / f.working_day_minutes) END AS numerator`,
          `count(*)::float8 AS denominator`,
          `CASE WHEN bool_and(f.processing_time_unit = 'WORKING_HOURS') THEN 'WORKING_HOURS' ELSE 'WORKING_DAYS' END AS time_unit`,
        ]
      : [`count(*) FILTER (WHERE ${NUMERATOR[id]})::float8 AS numerator`, `count(*)::float8 AS denominator`];
  return `SELECT to_char(per.p_local, ${p.key}) AS period, pb.p_start AS period_start, ${[...groupSelect, ...measures].join(', ')}
FROM dossier_facts f
  CROSS JOIN LATERAL (SELECT LEAST(f.resolved_at, f.result_issued_at, f.stopped_at, f.rejected_at, f.withdrawn_at) AS finished_at) fin
  ${periods}
  CROSS JOIN LATERAL (SELECT per.p_local AT TIME ZONE ${TZ} AS p_start, (per.p_local + ${p.step}) AT TIME ZONE ${TZ} AS p_end) pb
  CROSS JOIN LATERAL (SELECT LEAST(pb.p_end, ${bounds.asOf}) AS e) pe
  CROSS JOIN LATERAL (SELECT fin.finished_at IS NULL OR fin.finished_at >= pe.e AS open) j
  ${judged ? `CROSS JOIN LATERAL (SELECT ${judged} AS at_end) jt ${CLOCK_SQL}` : ''}
WHERE f.received_at IS NOT NULL AND per.p_local >= ${lo} AND per.p_local <= ${hi} AND pb.p_start < ${bounds.asOf}
  AND ${prefilter}${DENOMINATOR_FILTER[id] ? ` AND ${DENOMINATOR_FILTER[id]}` : ''}${bounds.where ? ` AND ${bounds.where}` : ''}
GROUP BY per.p_local, pb.p_start${groups.map(([column]) => `, f.${column}`).join('')}`;
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
