import { INDICATORS, pointsFor, type IndicatorId, type Scoring } from './indicator-catalogue';
import type { IndicatorInput } from './indicator-input';
import { contribution } from './indicator-rules';
import { periodsCovering, type PeriodKind } from './periods';

/** What a report can be grouped by, as the API names it, and the fact each reads. */
export const GROUP_KEYS = {
  unit: 'unit',
  successorUnit: 'successorUnit',
  department: 'department',
  procedure: 'procedureCode',
  field: 'field',
  channel: 'channel',
} as const satisfies Record<string, keyof IndicatorInput>;
export type GroupKey = keyof typeof GROUP_KEYS;

export interface IndicatorQuery {
  indicators: IndicatorId[];
  period: PeriodKind;
  /** Local dates (Asia/Ho_Chi_Minh), both inclusive; whole periods are reported. */
  from: string;
  to: string;
  groupBy: GroupKey[];
  /** Now: a period still running is judged at this instant. */
  asOf: Date;
  /** Only these units, by the unit at reception or its successor. */
  units?: { by: 'unit' | 'successorUnit'; codes: string[] };
}

export interface Figure {
  numerator: number;
  denominator: number;
  /** numerator / denominator; for avg_resolution_time the average, in `timeUnit`. Null without a denominator. */
  rate: number | null;
  threshold: number | null;
  maxPoints: number | null;
  points: number | null;
  /** avg_resolution_time only: the procedure's own unit, or working days when a group mixes units. */
  timeUnit?: 'WORKING_DAYS' | 'WORKING_HOURS';
}

export interface IndicatorRow {
  period: string;
  group: Partial<Record<GroupKey, string | null>>;
  indicators: Partial<Record<IndicatorId, Figure>>;
}

export function figureOf(id: IndicatorId, numerator: number, denominator: number, scoring: Scoring | null = INDICATORS[id].scoring): Figure {
  const rate = denominator > 0 ? numerator / denominator : null;
  return {
    numerator,
    denominator,
    rate,
    threshold: scoring?.threshold ?? null,
    maxPoints: scoring?.maxPoints ?? null,
    points: scoring ? pointsFor(rate, scoring) : null,
  };
}

interface Sums {
  numerator: number;
  denominator: number;
  days: number;
  hours: number;
  allHours: boolean;
}

/**
 * The reference computation: every indicator for every period and group, straight from the
 * rules. The SQL form must give the same numbers; its integration spec checks it against this.
 * Groups with no dossier in an indicator's population have no figure for it.
 */
export function indicatorReport(dossiers: IndicatorInput[], query: IndicatorQuery): IndicatorRow[] {
  const rows = new Map<string, { row: IndicatorRow; sums: Map<IndicatorId, Sums> }>();
  const units = query.units;
  const selected = units ? dossiers.filter((d) => units.codes.includes(d[units.by])) : dossiers;
  for (const period of periodsCovering(query.from, query.to, query.period)) {
    for (const d of selected) {
      for (const id of query.indicators) {
        const c = contribution(id, d, period, query.asOf);
        if (!c) continue;
        const group = Object.fromEntries(query.groupBy.map((key) => [key, d[GROUP_KEYS[key]]]));
        const key = JSON.stringify([period.key, ...query.groupBy.map((k) => group[k])]);
        const entry = rows.get(key) ?? { row: { period: period.key, group, indicators: {} }, sums: new Map() };
        rows.set(key, entry);
        const sums = entry.sums.get(id) ?? { numerator: 0, denominator: 0, days: 0, hours: 0, allHours: true };
        entry.sums.set(id, sums);
        sums.numerator += c.numerator;
        sums.denominator += c.denominator;
        if (id === 'avg_resolution_time') {
          sums.days += c.numerator / d.workingDayMinutes;
          sums.hours += c.numerator / 60;
          sums.allHours &&= d.processingTimeUnit === 'WORKING_HOURS';
        }
      }
    }
  }
  return [...rows.values()].map(({ row, sums }) => {
    for (const [id, s] of sums) {
      row.indicators[id] =
        id === 'avg_resolution_time'
          ? { ...figureOf(id, s.allHours ? s.hours : s.days, s.denominator), timeUnit: s.allHours ? 'WORKING_HOURS' : 'WORKING_DAYS' }
          : figureOf(id, s.numerator, s.denominator);
    }
    return row;
  });
}
