import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, Principal } from '@motcua/platform';
import { DataSource } from 'typeorm';
import { drillDownQuery, type GroupKey, type IndicatorId, type PeriodKind } from '../../domain/indicators';
import { inStatisticsSnapshot } from './statistics-transaction';
import { scopeOf } from './unit-scope';

export interface DrillDownAsked {
  id: IndicatorId;
  side: 'numerator' | 'denominator';
  period: PeriodKind;
  /** A local date in the period of the figure. */
  on: string;
  group: Partial<Record<GroupKey, string>>;
  by: 'successorUnit' | 'unit';
  /** The last code of the previous page. */
  after?: string;
  limit: number;
}

export interface DossierPage {
  codes: string[];
  /** The last code of this page when more follow, else null. */
  last: string | null;
}

/** The dossier codes behind one figure of a caller's report, by code, a page at a time. */
@Injectable()
export class DrillDown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  run(asked: DrillDownAsked, caller: Principal): Promise<DossierPage> {
    const asOf = this.clock.now();
    return inStatisticsSnapshot(this.dataSource, async (manager) => {
      const codes = await scopeOf(manager, caller, undefined, [asked.group.unit, asked.group.successorUnit]);
      const { text, values } = drillDownQuery(asked.id, {
        ...{ period: asked.period, on: asked.on, group: asked.group, side: asked.side, asOf, after: asked.after },
        units: codes ? { by: asked.by, codes } : undefined,
        // One more than asked tells whether another page follows.
        limit: asked.limit + 1,
        offset: 0,
      });
      const rows = ((await manager.query(text, values)) as { code: string }[]).map((r) => r.code);
      const page = rows.slice(0, asked.limit);
      return { codes: page, last: rows.length > asked.limit ? page[page.length - 1] : null };
    });
  }
}
