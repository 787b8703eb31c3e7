import { EntityManager } from 'typeorm';

/**
 * Queues dossiers whose facts rows changed, in the transaction that changed them, so the indicator
 * totals never miss a change: one multi-row insert, a dossier already queued stays queued once.
 */
export async function markDirty(manager: EntityManager, schema: string, dossierIds: string[]): Promise<void> {
  if (dossierIds.length === 0) return;
  await manager.query(`insert into ${schema}.indicator_dirty_dossiers (dossier_id) select id from unnest($1::uuid[]) id order by id on conflict do nothing`, [dossierIds]);
}
