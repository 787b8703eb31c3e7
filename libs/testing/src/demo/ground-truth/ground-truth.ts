import { WorkingCalendar } from '@motcua/calendar';
import type { DemoDossier } from '../demo-dossier';
import { countedIn, type IndicatorId } from './indicator-rules';
import { monthsBetween } from './months';
import { addResolution, NO_RESOLUTIONS, presentResolutions, resolutionMinutesIn, type ResolutionSum, type TimeUnit } from './resolution-time';

/** One figure of the report: an indicator's numerator and denominator for a month and a receiving unit. */
export interface Figure {
  /** `2025-01`. */
  period: string;
  unit: string;
  indicator: string;
  numerator: number;
  denominator: number;
  /** avg_resolution_time only: the unit its numerator and rate are stated in. */
  timeUnit?: TimeUnit;
}

interface Tally {
  numerator: number;
  denominator: number;
}

/**
 * The Decision 766 indicators of the dossiers the demo drove, per month (Asia/Ho_Chi_Minh) and
 * receiving unit, computed from the generator's own record of each dossier. A month still running
 * at asOf ends at asOf. Only figures with a population (denominator > 0) are given.
 */
export function groundTruth(dossiers: readonly DemoDossier[], options: { from: string; to: string; asOf: Date }): Figure[] {
  // The demo's units keep the default office hours; a unit with its own would need its calendar here.
  const calendar = new WorkingCalendar();
  const figures: Figure[] = [];
  for (const month of monthsBetween(options.from, options.to, options.asOf)) {
    const counts = new Map<string, Map<IndicatorId, Tally>>();
    const resolutions = new Map<string, ResolutionSum>();
    for (const d of dossiers) {
      const unit = counts.get(d.unit) ?? new Map<IndicatorId, Tally>();
      for (const [indicator, inNumerator] of countedIn(d, month, calendar)) {
        const tally = unit.get(indicator) ?? { numerator: 0, denominator: 0 };
        unit.set(indicator, { numerator: tally.numerator + (inNumerator ? 1 : 0), denominator: tally.denominator + 1 });
      }
      if (unit.size > 0) counts.set(d.unit, unit);
      const minutes = resolutionMinutesIn(d, month, calendar);
      if (minutes !== null) resolutions.set(d.unit, addResolution(resolutions.get(d.unit) ?? NO_RESOLUTIONS, minutes, d.processingTimeUnit));
    }
    for (const [unit, tallies] of counts) {
      for (const [indicator, tally] of tallies) figures.push({ period: month.key, unit, indicator, ...tally });
    }
    for (const [unit, sum] of resolutions) figures.push({ period: month.key, unit, indicator: 'avg_resolution_time', ...presentResolutions(sum, calendar) });
  }
  return figures;
}
