import { DataSource } from 'typeorm';
import { checkedSchema } from './projections-schema';

/**
 * Runs the pending TypeORM migrations of one schema while holding a session advisory lock, so
 * replicas starting together apply them once: TypeORM reads the migrations table before it opens
 * its transaction, and two unlocked replicas would both find the same migrations pending.
 */
export async function migrateUnderLock(dataSource: DataSource, schema: string): Promise<string[]> {
  const name = checkedSchema(schema);
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock(hashtext('motcua.projections.migrations'), hashtext($1))", [name]);
    try {
      // TypeORM creates its migrations table inside the schema, so the schema comes first.
      await lock.query(`create schema if not exists ${name}`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query("select pg_advisory_unlock(hashtext('motcua.projections.migrations'), hashtext($1))", [name]);
    }
  } finally {
    await lock.release();
  }
}
