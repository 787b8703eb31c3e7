import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, Principal } from '@motcua/platform';
import { DataSource } from 'typeorm';
import { figureOf, INDICATOR_IDS, reportColumns, reportQuery, type Figure, type GroupKey, type IndicatorId, type IndicatorRow, type PeriodKind } from '../../domain/indicators';
import { inStatisticsSnapshot } from './statistics-transaction';
import { scopeOf } from './unit-scope';

export interface IndicatorsAsked {
  from: string;
  to: string;
  period: PeriodKind;
  groupBy: GroupKey[];
  indicators: IndicatorId[];
  /** Count a unit's dossiers by today's successor unit or by the unit at reception. */
  by: 'successorUnit' | 'unit';
  /** Only this unit and those under it. */
  unit?: string;
}

interface SqlRow {
  period: string;
  period_start: Date;
  [column: string]: unknown;
}

/** The indicator report of a caller's units: one row per period and group, each indicator's figure. */
@Injectable()
export class GetIndicators {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  run(asked: IndicatorsAsked, caller: Principal): Promise<{ rows: IndicatorRow[] }> {
    const asOf = this.clock.now();
    return inStatisticsSnapshot(this.dataSource, async (manager) => {
      const codes = await scopeOf(manager, caller, asked.unit);
      const units = codes ? { by: asked.by, codes } : undefined;
      const rows = new Map<string, IndicatorRow & { start: number }>();
      const ids = asked.indicators.length > 0 ? asked.indicators : INDICATOR_IDS;
      // Every indicator in one pass over the facts; a denominator of 0 is a figure with no dossier
      // behind it, which the report leaves out (as it leaves out a period and group with none).
      const { text, values } = reportQuery(ids, { period: asked.period, groupBy: asked.groupBy, from: asked.from, to: asked.to, asOf, units });
      for (const r of (await manager.query(text, values)) as SqlRow[]) {
        const figures = ids.flatMap((id) => {
          const c = reportColumns(id);
          const denominator = Number(r[c.denominator]);
          if (denominator === 0) return [];
          const figure: Figure = figureOf(id, Number(r[c.numerator]), denominator);
          const timeUnit = r[c.timeUnit] as Figure['timeUnit'] | undefined;
          return [[id, timeUnit ? { ...figure, timeUnit } : figure] as const];
        });
        if (figures.length === 0) continue;
        const group = Object.fromEntries(asked.groupBy.map((key) => [key, (r[key] as string | null) ?? null]));
        const key = JSON.stringify([r.period, ...asked.groupBy.map((k) => group[k])]);
        rows.set(key, { period: r.period, group, indicators: Object.fromEntries(figures), start: new Date(r.period_start).getTime() });
      }
      const ordered = [...rows.entries()].sort(([ka, a], [kb, b]) => a.start - b.start || (ka < kb ? -1 : ka > kb ? 1 : 0));
      return { rows: ordered.map(([, { start: _start, ...row }]) => row) };
    });
  }
}
