import type { Queryable } from '../get-indicators/report-readers';
import { CONTRIBUTION_RANGE_SQL, insertContributions, PERIOD_KINDS, shiftTotals } from '../../domain/indicators';


/** Only one drain runs at a time, whatever the number of replicas. */
export const TOTALS_LOCK = "hashtext('motcua.projections.indicator-totals')";

/**
 * One batch of the dirty-dossier queue, inside the caller's transaction (tables as the search
 * path finds them): the dossiers' old contributions leave the totals, fresh ones are computed
 * from their facts rows as they are now and added back, and the dossiers leave the queue. The
 * facts rows are locked first: a projection batch changing one of them meanwhile either commits
 * before (and is read here) or waits, writes, and queues the dossier again.
 */
export async function drainIndicatorTotals(db: Queryable, limit: number): Promise<number> {
  const queued = await db.query(`SELECT dossier_id FROM indicator_dirty_dossiers ORDER BY dossier_id LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit]);
  const ids = queued.map((row) => String(row['dossier_id']));
  if (ids.length === 0) return 0;
  await db.query(`SELECT 1 FROM dossier_facts WHERE dossier_id = ANY($1::uuid[]) ORDER BY dossier_id FOR UPDATE`, [ids]);
  const touched = await db.query(shiftTotals(-1), [ids]);
  await db.query(`DELETE FROM indicator_contributions WHERE dossier_id = ANY($1::uuid[])`, [ids]);
  const [range] = await db.query(CONTRIBUTION_RANGE_SQL, [ids]);
  if (range?.['from']) {
    for (const kind of PERIOD_KINDS) {
      const { text, values } = insertContributions(kind, { from: String(range['from']), to: String(range['to']) }, ids);
      await db.query(text, values);
    }
  }
  await db.query(shiftTotals(1), [ids]);
  // A group whose last dossier left it has nothing to say; analysts should not meet rows of zeros.
  const emptied = touched.filter((row) => Number(row['dossiers']) === 0);
  if (emptied.length > 0) {
    await db.query(
      `DELETE FROM indicator_totals t USING unnest($1::text[], $2::timestamptz[]) AS e(kind, start)
        WHERE t.period_kind = e.kind AND t.period_start = e.start AND t.dossiers = 0`,
      [emptied.map((row) => row['period_kind']), emptied.map((row) => row['period_start'])],
    );
  }
  await db.query(`DELETE FROM indicator_dirty_dossiers WHERE dossier_id = ANY($1::uuid[])`, [ids]);
  return ids.length;
}
