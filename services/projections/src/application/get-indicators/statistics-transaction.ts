import { DataSource, EntityManager } from 'typeorm';
import { PROJECTIONS_SCHEMA } from '../../database/projections-schema';

/**
 * Every query of one answer reads one snapshot (the indicators of a row reconcile with each
 * other and with a drill-down taken at the same moment), read-only, with JIT off: on these
 * queries PostgreSQL's JIT compilation cost seconds and saved nothing. The report's aggregate
 * holds some thirty counts per period and group: with the default 4 MB of work memory the
 * planner sorted a province's year on disk to group it; 64 MB lets it hash. The indicator SQL names
 * `dossier_facts` unqualified, so the search path points it at the live schema.
 */
export function inStatisticsSnapshot<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query(`SET TRANSACTION READ ONLY`);
    await manager.query(`SET LOCAL jit = off`);
    await manager.query(`SET LOCAL work_mem = '64MB'`);
    await manager.query(`SET LOCAL search_path TO ${PROJECTIONS_SCHEMA}`);
    return work(manager);
  });
}
