import { EntityManager } from 'typeorm';
import { checkedSchema } from '../../database/projections-schema';

/**
 * The read models compared by a rebuild: every table but TypeORM's migration log and the
 * indicator totals' three tables. Those are derived from dossier_facts (compared here) and left
 * dirty by a rebuild: its batches queue every dossier they project, and the live drain works the
 * queue off after the switch. What they hold at the switch depends on how far a drain had got,
 * not on history, so a checksum of them would fail identical rebuilds; answers stay exact
 * whatever the queue holds (the totals' integration spec), and a drained queue gives the same
 * totals from the same facts.
 */
export const READ_MODEL_TABLES = ['dossier_facts', 'dossier_timeline', 'units', 'procedures', 'consumed_offsets', 'projected_events'] as const;

/** One digest per table over every row's text, independent of physical row order. */
export async function schemaChecksums(manager: EntityManager, schema: string): Promise<Record<string, string>> {
  const s = checkedSchema(schema);
  const sums: Record<string, string> = {};
  for (const table of READ_MODEL_TABLES) {
    const [row] = await manager.query(`select count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as sum from ${s}.${table} t`);
    sums[table] = row.sum;
  }
  return sums;
}
