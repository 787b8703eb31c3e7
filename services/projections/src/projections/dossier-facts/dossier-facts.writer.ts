import { EntityManager } from 'typeorm';
import { DossierFacts } from '../../domain/dossier-facts/dossier-facts';
import { ProjectedFacts } from '../../domain/dossier-facts/dossier-facts.fold';
import { fromRow, recordsetOf, toRecord } from '../../database/recordset';
import { DossierFactEntity } from './dossier-fact.entity';

/**
 * Reads and writes dossier_facts a batch at a time. The rows are locked for the transaction, so
 * two consumers applying different topics' events to one dossier wait for each other instead of
 * each folding onto a stale row.
 */
export class DossierFactsWriter {
  constructor(
    private readonly manager: EntityManager,
    private readonly schema: string,
  ) {}

  async lockAndLoad(dossierIds: string[]): Promise<Map<string, DossierFacts>> {
    const ids = [...new Set(dossierIds)].sort();
    // A row that does not exist yet cannot be locked: create it first, in one order for everyone
    // (no deadlock between two batches), then lock every row the batch touches.
    await this.manager.query(`insert into ${this.schema}.dossier_facts (dossier_id) select id from unnest($1::uuid[]) id order by id on conflict do nothing`, [ids]);
    const rows: Record<string, unknown>[] = await this.manager.query(
      `select * from ${this.schema}.dossier_facts where dossier_id = any($1::uuid[]) order by dossier_id for update`,
      [ids],
    );
    const { columns } = recordsetOf(this.manager.connection.getMetadata(DossierFactEntity));
    return new Map(rows.map((row) => [String(row['dossier_id']), fromRow(columns, row) as unknown as DossierFacts]));
  }

  /** One multi-row upsert; the successor unit is looked up as the row is written. */
  async save(facts: ProjectedFacts[]): Promise<void> {
    if (facts.length === 0) return;
    const { columns, from } = recordsetOf(this.manager.connection.getMetadata(DossierFactEntity));
    const names = columns.map((column) => `"${column.databaseName}"`);
    const values = columns.map((column) =>
      column.databaseName === 'successor_unit' ? `coalesce(successors.successor_today, r.unit)` : `r."${column.databaseName}"`,
    );
    const records = facts.map((f) => toRecord(columns, f));
    await this.manager.query(
      `insert into ${this.schema}.dossier_facts (${names.join(', ')})
       select ${values.join(', ')} from ${from} left join ${this.schema}.unit_successors successors on successors.code = r.unit
       on conflict (dossier_id) do update set ${names.filter((n) => n !== '"dossier_id"').map((n) => `${n} = excluded.${n}`).join(', ')}`,
      [JSON.stringify(records)],
    );
  }
}
