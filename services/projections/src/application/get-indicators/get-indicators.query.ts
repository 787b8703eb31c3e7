import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, Principal } from '@motcua/platform';
import { DataSource } from 'typeorm';
import { INDICATOR_IDS, type GroupKey, type IndicatorId, type IndicatorRow, type IndicatorSqlQuery, type PeriodKind } from '../../domain/indicators';
import { reportFromTotals, reportLive, type Queryable } from './report-readers';
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

type Reader = (db: Queryable, query: IndicatorSqlQuery, ids: readonly IndicatorId[]) => Promise<IndicatorRow[]>;

/** The indicator report of a caller's units: one row per period and group, each indicator's figure. */
@Injectable()
export class GetIndicators {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** From the indicator totals, corrected live (report-readers.ts). */
  run(asked: IndicatorsAsked, caller: Principal): Promise<{ rows: IndicatorRow[] }> {
    return this.read(asked, caller, reportFromTotals);
  }

  /** From one live pass over the facts: the reference the totals are checked against. */
  runLive(asked: IndicatorsAsked, caller: Principal): Promise<{ rows: IndicatorRow[] }> {
    return this.read(asked, caller, reportLive);
  }

  private read(asked: IndicatorsAsked, caller: Principal, reader: Reader): Promise<{ rows: IndicatorRow[] }> {
    const asOf = this.clock.now();
    return inStatisticsSnapshot(this.dataSource, async (manager) => {
      const codes = await scopeOf(manager, caller, asked.unit);
      const units = codes ? { by: asked.by, codes } : undefined;
      const ids = asked.indicators.length > 0 ? asked.indicators : INDICATOR_IDS;
      const query: IndicatorSqlQuery = { period: asked.period, groupBy: asked.groupBy, from: asked.from, to: asked.to, asOf, units };
      return { rows: await reader(manager, query, ids) };
    });
  }
}
