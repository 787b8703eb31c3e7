import type { IndicatorId } from './indicator-catalogue';
import { GROUP_COLUMNS, type IndicatorSqlQuery } from './indicator-sql';
import { DENOMINATOR_FILTER, NUMERATOR, PERIOD_SQL, POPULATION, TZ, type Population } from './indicator-sql.parts';

/** A dossier's finish: the first of resolved, result issued, stopped, rejected, withdrawn (766 §2.1). */
export const FINISHED = 'LEAST(f.resolved_at, f.result_issued_at, f.stopped_at, f.rejected_at, f.withdrawn_at)';

/** The columns of one indicator in a report row: numerator, denominator, and avg_resolution_time's unit. */
export const reportColumns = (id: IndicatorId) => ({ numerator: `${id}__n`, denominator: `${id}__d`, timeUnit: `${id}__u` });

/** The same pass, narrowed or taken apart, for the indicator totals (indicator-totals-sql.ts). */
export interface ReportOptions {
  /** Only the rows this condition on `f` admits; its parameters follow the query's (`first` is the number of its first). */
  filter?: { sql: (first: number) => string; values: unknown[] };
  /** One row per dossier as well: grouped by `f.dossier_id` too, with its `settled_at`. */
  perDossier?: boolean;
  /** avg_resolution_time's parts, which add up across groups where its mixed-unit numerator does not. */
  parts?: boolean;
}

/** avg_resolution_time's parts: both sums and the rows counted in hours and in other units. */
export const AVG_PARTS = { hours: 'avg_resolution_time__hours', days: 'avg_resolution_time__days', hourRows: 'avg_resolution_time__hour_rows', dayRows: 'avg_resolution_time__day_rows' } as const;

/**
 * The first instant from which a finished dossier's contributions no longer depend on the as-of
 * instant ('infinity' while unfinished). Every comparison of reportQuery with `$3` is decided
 * once the as-of is past the dossier's reception, resolution and finish: `inPeriod` compares
 * the reception or resolution with it; `toProcess` needs `p_start ≤ finish`, so `p_start <
 * as-of`, and `received_at < e = LEAST(p_end, as-of)` is then `received_at < p_end`; `open`
 * (`finish ≥ e`) is `finish ≥ p_end`, and where it holds `e = p_end`, the instant the clock
 * is judged at. So past this instant a finished dossier is judged by its own instants alone.
 */
export const SETTLED_AT = `CASE WHEN ${FINISHED} IS NULL THEN 'infinity'::timestamptz ELSE GREATEST(f.received_at, f.resolved_at, ${FINISHED}) END`;

/**
 * Several indicators in one pass over `dossier_facts`: the rows any asked population can hold are
 * read once, each expanded into the periods from its reception (or resolution) to its finish, and
 * every indicator is a pair of filtered counts over those row-periods. The same populations,
 * numerators and period cuts as `dossierPeriodsSql` (one indicator per query, which the views and
 * the drill-down use); a report of thirteen indicators read the table thirteen times with that.
 *
 * An indicator with no dossier in a period and group has a denominator of 0 here where the
 * single-indicator query has no row: the caller leaves such figures out. Parameters as
 * `indicatorQuery`: `$1` from, `$2` to, `$3` as-of, `$4` units. Rows come in no order (the caller
 * orders them): an ORDER BY made the planner sort the row-periods of a province's year, hundreds
 * of megabytes on disk, to group them, rather than hash them into a few hundred groups.
 */
export function reportQuery(ids: readonly IndicatorId[], query: IndicatorSqlQuery, options: ReportOptions = {}): { text: string; values: unknown[] } {
  const p = PERIOD_SQL[query.period];
  const lo = `date_trunc('${p.trunc}', $1::date::timestamp)`;
  const hi = `date_trunc('${p.trunc}', $2::date::timestamp)`;
  const [loI, hiEndI, asOf] = [`(${lo} AT TIME ZONE ${TZ})`, `((${hi} + ${p.step}) AT TIME ZONE ${TZ})`, '$3::timestamptz'];
  const populations = new Set<Population>(ids.map((id) => POPULATION[id]));
  const span = populations.has('TO_PROCESS') || populations.has('OPEN_AT_END');
  const finished = FINISHED;
  const open = `(${finished} IS NULL OR ${finished} >= pe.e)`;

  // The periods a row can count in: its reception's, its resolution's, and (for the populations
  // still in hand at a period's end) every period from its reception to its finish. A period is
  // told by its instants (p_start ≤ t < p_end), never by truncating each row's local time:
  // the same cut, without a time-zone conversion per row and period.
  const earliest = [...(populations.has('RECEIVED') || span ? ['f.received_at'] : []), ...(populations.has('RESOLVED') ? ['f.resolved_at'] : [])];
  const latest = [
    ...(populations.has('RECEIVED') ? ['f.received_at'] : []),
    ...(populations.has('RESOLVED') ? ['f.resolved_at'] : []),
    ...(span ? [`COALESCE(${finished}, 'infinity')`] : []),
  ];
  const single = (instant: string) => `${instant} >= ${loI} AND ${instant} < ${hiEndI}`;
  const reachable = [
    ...(populations.has('RECEIVED') ? [single('f.received_at')] : []),
    ...(populations.has('RESOLVED') ? [single('f.resolved_at')] : []),
    ...(span ? [`f.received_at < ${hiEndI} AND (${finished} IS NULL OR ${finished} >= ${loI})`] : []),
  ];
  const inPeriod = (instant: string) => `${instant} >= pe.p_start AND ${instant} < pe.p_end AND (${instant} < ${asOf} OR pe.p_start < ${asOf})`;
  const toProcess = `(${finished} IS NULL OR ${finished} >= pe.p_start) AND pe.p_start < ${asOf} AND f.received_at < pe.e`;
  const member: Record<Population, string> = { RECEIVED: inPeriod('f.received_at'), RESOLVED: inPeriod('f.resolved_at'), TO_PROCESS: toProcess, OPEN_AT_END: `${toProcess} AND ${open}` };
  const flag = (population: Population) => `j.${population.toLowerCase()}`;
  const flags = [...populations].map((population) => `${member[population]} AS ${population.toLowerCase()}`);

  const groups = query.groupBy.map((key) => GROUP_COLUMNS[key]);
  const measures = ids.flatMap((id) => {
    const c = reportColumns(id);
    const counted = [flag(POPULATION[id]), DENOMINATOR_FILTER[id]].filter(Boolean).join(' AND ');
    if (id !== 'avg_resolution_time') {
      return [`count(*) FILTER (WHERE ${counted} AND (${NUMERATOR[id]}))::float8 AS ${c.numerator}`, `count(*) FILTER (WHERE ${counted})::float8 AS ${c.denominator}`];
    }
    const hours = `bool_and(f.processing_time_unit = 'WORKING_HOURS') FILTER (WHERE ${counted})`;
    const parts = options.parts
      ? [
          `sum(f.resolution_working_minutes::float8 / 60) FILTER (WHERE ${counted}) AS ${AVG_PARTS.hours}`,
          `sum(f.resolution_working_minutes::float8 / f.working_day_minutes) FILTER (WHERE ${counted}) AS ${AVG_PARTS.days}`,
          `count(*) FILTER (WHERE ${counted} AND f.processing_time_unit = 'WORKING_HOURS')::float8 AS ${AVG_PARTS.hourRows}`,
          `count(*) FILTER (WHERE ${counted} AND f.processing_time_unit <> 'WORKING_HOURS')::float8 AS ${AVG_PARTS.dayRows}`,
        ]
      : [];
    return [
      ...parts,
      `CASE WHEN ${hours} THEN sum(f.resolution_working_minutes::float8 / 60) FILTER (WHERE ${counted}) ELSE sum(f.resolution_working_minutes::float8 / f.working_day_minutes) FILTER (WHERE ${counted}) END AS ${c.numerator}`,
      `count(*) FILTER (WHERE ${counted})::float8 AS ${c.denominator}`,
      `CASE WHEN ${hours} THEN 'WORKING_HOURS' ELSE 'WORKING_DAYS' END AS ${c.timeUnit}`,
    ];
  });
  const units = query.units ? [`f.${GROUP_COLUMNS[query.units.by]} = ANY($4::text[])`] : [];
  const first = 4 + (query.units ? 1 : 0);
  const filter = options.filter ? [`(${options.filter.sql(first)})`] : [];
  const dossier = options.perDossier ? ['f.dossier_id'] : [];
  // The asked periods are a short list (one per month of a year at most, as a rule), joined to
  // each row by its span, rather than a series generated per row; `j` holds each row-period's
  // memberships, computed once and read by every indicator's filter.
  const text = `WITH pe AS MATERIALIZED (
  SELECT p_local, p_local AT TIME ZONE ${TZ} AS p_start, (p_local + ${p.step}) AT TIME ZONE ${TZ} AS p_end, LEAST((p_local + ${p.step}) AT TIME ZONE ${TZ}, ${asOf}) AS e
    FROM generate_series(${lo}, ${hi}, ${p.step}) AS p_local
)
SELECT to_char(pe.p_local, ${p.key}) AS period, pe.p_start AS period_start${dossier.map((c) => `, ${c}, ${SETTLED_AT} AS settled_at`).join('')}${groups.map((column, i) => `, f.${column} AS "${query.groupBy[i]}"`).join('')},
       ${measures.join(',\n       ')}
  FROM dossier_facts f
  JOIN pe ON pe.p_end > LEAST(${earliest.join(', ')}) AND pe.p_start <= GREATEST(${latest.join(', ')})
  CROSS JOIN LATERAL (SELECT ${[`${open} AS open`, ...flags].join(', ')} OFFSET 0) j
  WHERE ${['f.received_at IS NOT NULL', `(${reachable.map((r) => `(${r})`).join(' OR ')})`, ...units, ...filter].join(' AND ')}
  GROUP BY pe.p_local, pe.p_start${dossier.map((c) => `, ${c}`).join('')}${groups.map((column) => `, f.${column}`).join('')}`;
  const values = [query.from, query.to, query.asOf, ...(query.units ? [query.units.codes] : []), ...(options.filter?.values ?? [])];
  return { text, values };
}
