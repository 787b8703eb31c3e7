import type { IndicatorId } from './indicator-catalogue';
import type { GroupKey } from './indicator-report';
import { dossierPeriodsSql, GROUP_COLUMNS } from './indicator-sql';
import { PERIOD_SQL } from './indicator-sql.parts';
import type { PeriodKind } from './periods';

export interface DrillDownQuery {
  period: PeriodKind;
  /** Any local date (YYYY-MM-DD) in the period asked about. */
  on: string;
  /** The row's group, as the report gave it; a null value matches dossiers without one. */
  group: Partial<Record<GroupKey, string | null>>;
  side: 'numerator' | 'denominator';
  asOf: Date;
  units?: { by: 'unit' | 'successorUnit'; codes: string[] };
  limit: number;
  offset: number;
  /** Keyset paging: only codes after this one (bytewise), so a page does not shift when dossiers arrive. */
  after?: string;
}

/**
 * The dossier codes behind one figure of the report — the same rows the aggregate counts, so a
 * number and its list never disagree. Paged by code. Parameters: `$1` date, `$2` as-of, `$3`
 * limit, `$4` offset, then the group values, the units and the code to start after. Codes sort bytewise (COLLATE "C"), the same on every server.
 */
export function drillDownQuery(id: IndicatorId, query: DrillDownQuery): { text: string; values: unknown[] } {
  const entries = Object.entries(query.group) as [GroupKey, string | null][];
  const values: unknown[] = [query.on, query.asOf, query.limit, query.offset, ...entries.map(([, value]) => value)];
  const conditions = entries.map(([key], i) => `f.${GROUP_COLUMNS[key]} IS NOT DISTINCT FROM $${5 + i}::text`);
  if (query.units) {
    values.push(query.units.codes);
    conditions.push(`f.${GROUP_COLUMNS[query.units.by]} = ANY($${values.length}::text[])`);
  }
  if (query.after !== undefined) {
    values.push(query.after);
    conditions.push(`f.code COLLATE "C" > $${values.length}::text`);
  }
  if (query.side === 'numerator' && id !== 'avg_resolution_time') conditions.push('n.hit');
  const start = `date_trunc('${PERIOD_SQL[query.period].trunc}', $1::date::timestamp)`;
  const { cte, fromWhere } = dossierPeriodsSql(id, query.period, { lo: start, hi: start, asOf: '$2::timestamptz', where: conditions.join(' AND ') || undefined });
  return { text: `${cte}\nSELECT f.code, f.dossier_id ${fromWhere}\nORDER BY f.code COLLATE "C" LIMIT $3 OFFSET $4`, values };
}
