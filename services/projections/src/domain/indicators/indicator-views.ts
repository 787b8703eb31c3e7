import { INDICATOR_IDS, INDICATORS, type IndicatorId } from './indicator-catalogue';
import { indicatorSelect, GROUP_COLUMNS } from './indicator-sql';
import { PERIOD_SQL, TZ } from './indicator-sql.parts';
import { PERIOD_KINDS, type PeriodKind } from './periods';

const ADJECTIVE: Record<PeriodKind, string> = { day: 'daily', month: 'monthly', quarter: 'quarterly', year: 'yearly' };

export interface ViewDefinition {
  name: string;
  /** `CREATE OR REPLACE VIEW …`: run by the projections' migrations. */
  sql: string;
  /** For `COMMENT ON VIEW`. */
  comment: string;
}

/**
 * The analysts' views, one per indicator and period kind (`indicator_on_time_monthly`), at the
 * finest grouping — unit at reception, its successor, department, procedure, field, channel — so
 * `WHERE unit = 'H56.22'` works and coarser figures are sums of numerators over sums of
 * denominators (never averages of rates). Periods run from the first dossier to today; the
 * running period is judged now.
 */
export function indicatorView(id: IndicatorId, kind: PeriodKind): ViewDefinition {
  const name = `indicator_${id}_${ADJECTIVE[kind]}`;
  const columns = Object.values(GROUP_COLUMNS).map((column): [string, string] => [column, column]);
  const inner = indicatorSelect(id, kind, columns, {
    lo: `'-infinity'::timestamp`,
    hi: `date_trunc('${PERIOD_SQL[kind].trunc}', now() AT TIME ZONE ${TZ})`,
    asOf: 'now()',
  });
  const scoring = INDICATORS[id].scoring;
  const rate = 'CASE WHEN x.denominator > 0 THEN x.numerator / x.denominator END';
  const points = scoring
    ? `CASE WHEN x.denominator = 0 THEN NULL WHEN ${rate} >= ${scoring.threshold} THEN ${scoring.maxPoints}::float8 ELSE ${rate} * ${scoring.maxPoints} / ${scoring.threshold} END`
    : 'NULL::float8';
  const sql = `CREATE OR REPLACE VIEW ${name} AS
SELECT x.*, ${rate} AS rate, ${scoring ? `${scoring.threshold}::float8` : 'NULL::float8'} AS threshold,
       ${scoring ? `${scoring.maxPoints}::float8` : 'NULL::float8'} AS max_points, ${points} AS points
FROM (${inner}) x`;
  const section = INDICATORS[id].section;
  const comment = `${id}${section ? ` (Decision 766 §${section})` : ''} per ${kind} and finest group: numerator, denominator, rate${scoring ? ', threshold, maximum points and points' : ''}. Sum numerators and denominators to coarsen.`;
  return { name, sql, comment };
}

export function indicatorViews(): ViewDefinition[] {
  return INDICATOR_IDS.flatMap((id) => PERIOD_KINDS.map((kind) => indicatorView(id, kind)));
}
