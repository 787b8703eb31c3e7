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

/** The numerator of one dossier, a boolean over `f` (facts) and `k` (its clock, when judged). */
export const NUMERATOR: Record<IndicatorId, string> = {
  on_time: 'k.on_time',
  on_time_plain: 'k.on_time',
  late_resolved: 'NOT k.on_time',
  in_progress: 'j.open',
  due_soon: 'k.on_time AND NOT k.clock_stopped AND k.due_soon_from IS NOT NULL AND k.due_soon_from <= pe.e',
  overdue_in_progress: 'NOT k.on_time',
  avg_resolution_time: 'true',
  online_share: `f.channel = 'ONLINE' AND (NOT f.returns_document OR f.e_result)`,
  online_share_plain: `f.channel = 'ONLINE'`,
  online_payment: 'f.paid_online',
  e_result: 'f.e_result',
  digitisation: 'f.all_electronic AND (NOT (f.returns_document AND f.e_result_allowed) OR f.e_result)',
  data_reuse: 'f.reused',
};

/**
 * Whether the clock is judged at the period's end (else at the finish): dossierClock's
 * verdictAtPeriodEnd against finishedVerdict.
 */
export const JUDGED_AT_END: Partial<Record<IndicatorId, string>> = {
  on_time: 'j.open',
  due_soon: 'true',
  overdue_in_progress: 'true',
  on_time_plain: 'false',
  late_resolved: 'false',
};

/**
 * dossier-clock.ts in SQL: the due date known before the horizon (the last change before it,
 * else the first), supplement requests before it, a clock stop still running at it, the verdict.
 */
export const CLOCK_SQL = `
  CROSS JOIN LATERAL (
    SELECT CASE WHEN jt.at_end THEN pe.e ELSE fin.finished_at END AS instant,
           CASE WHEN jt.at_end THEN pe.e ELSE fin.finished_at + interval '1 millisecond' END AS horizon
  ) jh
  LEFT JOIN LATERAL (
    SELECT (h.e->>'dueAt')::timestamptz AS due_at, (h.e->>'dueSoonFrom')::timestamptz AS due_soon_from
    FROM jsonb_array_elements(f.due_history) WITH ORDINALITY AS h(e, i)
    ORDER BY CASE WHEN (h.e->>'changedAt')::timestamptz < jh.horizon THEN h.i END DESC NULLS LAST, h.i
    LIMIT 1
  ) dk ON true
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE s.requested_at < jh.horizon) AS supplements,
           min(s.requested_at) FILTER (WHERE s.requested_at < jh.horizon AND (s.answered_at IS NULL OR s.answered_at >= jh.horizon)) AS pending_since
    FROM jsonb_array_elements(f.supplement_requests) AS r(e)
    CROSS JOIN LATERAL (SELECT (r.e->>'requestedAt')::timestamptz AS requested_at, (r.e->>'answeredAt')::timestamptz AS answered_at) s
  ) sk
  CROSS JOIN LATERAL (
    SELECT LEAST(sk.pending_since, CASE WHEN f.payment_wait_from < jh.horizon AND (f.payment_wait_until IS NULL OR f.payment_wait_until >= jh.horizon) THEN f.payment_wait_from END) AS stopped_since
  ) st
  CROSS JOIN LATERAL (
    SELECT sk.supplements <= 1 AND (dk.due_at IS NULL OR LEAST(jh.instant, st.stopped_since) <= dk.due_at) AS on_time,
           st.stopped_since IS NOT NULL AS clock_stopped,
           dk.due_soon_from
  ) k`;
