import { PgDatabase, quoteSchema } from '@motcua/event-store';
import type { Merger } from '../../domain/catalogue/reorganisation';

/** Per merged unit: its successor and its dossiers in flight by state, what the reorganisation moves. */
export interface UnitImpact {
  unit: string;
  successor: string;
  dossiers: Record<string, number>;
  total: number;
}

/** Reads what a reorganisation would move from the dossiers in flight (reception_queue). */
export class ReorganisationImpact {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async of(mergers: Merger[]): Promise<UnitImpact[]> {
    const successorOf = new Map(mergers.flatMap((m) => m.merged.map((code) => [code, m.successor] as const)));
    const { rows } = await this.db.query<{ unit: string; status: string; n: string }>(
      `select unit, status, count(*) as n from ${this.s}.reception_queue where unit = any($1::text[]) group by unit, status`,
      [[...successorOf.keys()]],
    );
    const impacts = new Map([...successorOf].map(([unit, successor]) => [unit, { unit, successor, dossiers: {} as Record<string, number>, total: 0 }]));
    for (const row of rows) {
      const impact = impacts.get(row.unit) as UnitImpact;
      impact.dossiers[row.status] = Number(row.n);
      impact.total += Number(row.n);
    }
    return [...impacts.values()];
  }
}
