import { PgDatabase } from './pg-database';
import { quoteSchema } from './identifiers';
import { advisoryKey } from './advisory-key';

export interface Migration {
  /** Stable, ordered id such as '001_event_log'; applied once per schema. */
  id: string;
  up(schema: string): string;
}

/**
 * Applies migrations to one service's schema, each once, in order, in its own transaction.
 * Replicas starting together serialise on an advisory lock instead of racing on DDL.
 */
export async function migrate(db: PgDatabase, schema: string, migrations: Migration[]): Promise<string[]> {
  const s = quoteSchema(schema);
  const applied: string[] = [];
  await db.transaction(async () => {
    await db.query('select pg_advisory_xact_lock($1::bigint)', [advisoryKey(schema, 'migrate')]);
    await db.query(`create schema if not exists ${s}`);
    await db.query(
      `create table if not exists ${s}.schema_migrations (id text primary key, applied_at timestamptz not null default now())`,
    );
    const done = await db.query<{ id: string }>(`select id from ${s}.schema_migrations`);
    const known = new Set(done.rows.map((row) => row.id));
    for (const migration of migrations) {
      if (known.has(migration.id)) continue;
      await db.query(migration.up(s));
      await db.query(`insert into ${s}.schema_migrations (id) values ($1)`, [migration.id]);
      applied.push(migration.id);
    }
  });
  return applied;
}
