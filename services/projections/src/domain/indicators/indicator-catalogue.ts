/**
 * The indicators, their 766 section, threshold and maximum points.
 *
 * Decision 766/QĐ-TTg fixes the group totals (publicity 18, progress and results 20, digitisation
 * 22, online service 22, satisfaction 18) and the scoring: at or above the threshold the maximum,
 * below it rate × maximum / threshold. Of the per-indicator maxima below, only §2.1's is stated by
 * the public summaries of the decision (on-time processing earns at most 20 points, the whole of
 * its group; §2.2 is shown, not scored). The others follow a public reconstruction of the annex
 * (online service: 12 for online dossiers, 6 for online payment; digitisation: 6 e-results, 4
 * digitised dossiers, 2 reuse) and are sample values — `figureOf` takes other `Scoring` — to be
 * checked against the annex before publication.
 */
export const INDICATOR_IDS = [
  'on_time',
  'on_time_plain',
  'avg_resolution_time',
  'online_share',
  'online_share_plain',
  'online_payment',
  'e_result',
  'digitisation',
  'data_reuse',
  'in_progress',
  'due_soon',
  'overdue_in_progress',
  'late_resolved',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** rate: numerator / denominator; average: mean of a per-dossier amount; count: how many, out of a population. */
export type IndicatorKind = 'rate' | 'average' | 'count';

export interface Scoring {
  /** Rate (0–1) from which the maximum is earned. */
  threshold: number;
  maxPoints: number;
}

export interface IndicatorDefinition {
  id: IndicatorId;
  kind: IndicatorKind;
  /** The 766 annex section, when the indicator is one of the decision's. */
  section: string | null;
  scoring: Scoring | null;
}

const def = (id: IndicatorId, kind: IndicatorKind, section: string | null, scoring: Scoring | null = null): IndicatorDefinition => ({
  id,
  kind,
  section,
  scoring,
});

export const INDICATORS: Record<IndicatorId, IndicatorDefinition> = {
  on_time: def('on_time', 'rate', '2.1', { threshold: 0.8, maxPoints: 20 }),
  on_time_plain: def('on_time_plain', 'rate', null),
  avg_resolution_time: def('avg_resolution_time', 'average', '2.2'),
  online_share: def('online_share', 'rate', '3.3', { threshold: 0.5, maxPoints: 12 }),
  online_share_plain: def('online_share_plain', 'rate', null),
  online_payment: def('online_payment', 'rate', '3.6', { threshold: 0.8, maxPoints: 6 }),
  e_result: def('e_result', 'rate', '4.1', { threshold: 0.8, maxPoints: 6 }),
  digitisation: def('digitisation', 'rate', '4.2', { threshold: 0.8, maxPoints: 4 }),
  data_reuse: def('data_reuse', 'rate', '4.3', { threshold: 0.8, maxPoints: 2 }),
  in_progress: def('in_progress', 'count', null),
  due_soon: def('due_soon', 'count', null),
  overdue_in_progress: def('overdue_in_progress', 'count', null),
  late_resolved: def('late_resolved', 'count', null),
};

export function isIndicatorId(value: string): value is IndicatorId {
  return (INDICATOR_IDS as readonly string[]).includes(value);
}

/** 766 points: the maximum at or above the threshold, else proportionally less; none without a rate. */
export function pointsFor(rate: number | null, scoring: Scoring): number | null {
  if (rate === null) return null;
  return rate >= scoring.threshold ? scoring.maxPoints : (rate * scoring.maxPoints) / scoring.threshold;
}
