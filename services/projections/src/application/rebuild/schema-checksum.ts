import { EntityManager } from 'typeorm';
import { checkedSchema } from '../../database/projections-schema';

/** The read models compared by a rebuild: every table but TypeORM's migration log. */
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
