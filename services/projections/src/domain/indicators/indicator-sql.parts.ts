import type { IndicatorId } from './indicator-catalogue';
import type { PeriodKind } from './periods';
import { REPORTING_TIME_ZONE } from './periods';

/**
 * Pieces of the SQL form of the rules (see indicator-rules.ts for their reading of 766). Every
 * piece mirrors one pure function; names follow it so a reviewer can hold the two side by side.
 * Only whitelisted words are spliced into the text; values travel as parameters.
 */
export const TZ = `'${REPORTING_TIME_ZONE}'`;

export const PERIOD_SQL: Record<PeriodKind, { trunc: string; step: string; key: string }> = {
  day: { trunc: 'day', step: `interval '1 day'`, key: `'YYYY-MM-DD'` },
  month: { trunc: 'month', step: `interval '1 month'`, key: `'YYYY-MM'` },
  quarter: { trunc: 'quarter', step: `interval '3 months'`, key: `'YYYY-"Q"Q'` },
  year: { trunc: 'year', step: `interval '1 year'`, key: `'YYYY'` },
};

/** Which dossiers an indicator counts in a period (indicator-rules.ts's populations). */
export type Population = 'TO_PROCESS' | 'OPEN_AT_END' | 'RECEIVED' | 'RESOLVED';

export const POPULATION: Record<IndicatorId, Population> = {
  on_time: 'TO_PROCESS',
  in_progress: 'TO_PROCESS',
  due_soon: 'OPEN_AT_END',
  overdue_in_progress: 'OPEN_AT_END',
  on_time_plain: 'RESOLVED',
  late_resolved: 'RESOLVED',
  avg_resolution_time: 'RECEIVED',
  online_share: 'RECEIVED',
  online_share_plain: 'RECEIVED',
  online_payment: 'RECEIVED',
  e_result: 'RECEIVED',
  digitisation: 'RECEIVED',
  data_reuse: 'RECEIVED',
};

/** Extra conditions on top of the population (who is in the denominator at all). */
export const DENOMINATOR_FILTER: Partial<Record<IndicatorId, string>> = {
  avg_resolution_time: 'f.resolved_at IS NOT NULL AND f.resolution_working_minutes IS NOT NULL',
  online_payment: 'f.fee_bearing AND f.fee_assessed IS DISTINCT FROM 0',
  e_result: 'f.returns_document',
};

/**
 * dossier-clock.ts's verdictAtPeriodEnd in SQL, for an open dossier at the instant `e` (judged at
 * it, knowing what happened before it): supplement requests before it, a clock stop still
 * running at it, the due date known then (the last change before it, else the first). Most
 * dossiers have one due date and no supplement: those read the row's JSON directly, and only the
 * others expand it, in subqueries evaluated only where the CASE reaches them.
 */
function clockAt(e: string) {
  const requested = `(r.e->>'requestedAt')::timestamptz`;
  const supplements = `CASE WHEN f.supplement_requests = '[]'::jsonb THEN 0 ELSE (
      SELECT count(*) FROM jsonb_array_elements(f.supplement_requests) AS r(e) WHERE ${requested} < ${e}) END`;
  const pending = `CASE WHEN f.supplement_requests = '[]'::jsonb THEN NULL::timestamptz ELSE (
      SELECT min(${requested}) FROM jsonb_array_elements(f.supplement_requests) AS r(e)
      WHERE ${requested} < ${e} AND (r.e->>'answeredAt' IS NULL OR (r.e->>'answeredAt')::timestamptz >= ${e})) END`;
  const payment = `CASE WHEN f.payment_wait_from < ${e} AND (f.payment_wait_until IS NULL OR f.payment_wait_until >= ${e}) THEN f.payment_wait_from END`;
  const stoppedSince = `LEAST(${pending}, ${payment})`;
  const due = `CASE WHEN jsonb_array_length(f.due_history) <= 1 OR (f.due_history->-1->>'changedAt')::timestamptz < ${e} THEN f.due_history->-1 ELSE (
      SELECT h.e FROM jsonb_array_elements(f.due_history) WITH ORDINALITY AS h(e, i)
      ORDER BY CASE WHEN (h.e->>'changedAt')::timestamptz < ${e} THEN h.i END DESC NULLS LAST, h.i LIMIT 1) END`;
  const dueAt = `((${due})->>'dueAt')::timestamptz`;
  const onTime = `(${supplements} <= 1 AND (${dueAt} IS NULL OR LEAST(${e}, ${stoppedSince}) <= ${dueAt}))`;
  const dueSoon = `(${onTime} AND ${stoppedSince} IS NULL AND ((${due})->>'dueSoonFrom')::timestamptz <= ${e})`;
  return { onTime, dueSoon };
}

const atEnd = clockAt('pe.e');

/**
 * The numerator of one dossier, a boolean over `f` (facts), `pe.e` (the period's end, or now) and
 * `j.open` (unfinished at it). Finished dossiers carry their verdict (`finished_on_time`).
 */
export const NUMERATOR: Record<IndicatorId, string> = {
  on_time: `CASE WHEN j.open THEN ${atEnd.onTime} ELSE f.finished_on_time END`,
  on_time_plain: 'f.finished_on_time',
  late_resolved: 'NOT f.finished_on_time',
  in_progress: 'j.open',
  due_soon: atEnd.dueSoon,
  overdue_in_progress: `NOT ${atEnd.onTime}`,
  avg_resolution_time: 'true',
  online_share: `f.channel = 'ONLINE' AND (NOT f.returns_document OR f.e_result)`,
  online_share_plain: `f.channel = 'ONLINE'`,
  online_payment: 'f.paid_online',
  e_result: 'f.e_result',
  digitisation: 'f.all_electronic AND (NOT (f.returns_document AND f.e_result_allowed) OR f.e_result)',
  data_reuse: 'f.reused',
};
