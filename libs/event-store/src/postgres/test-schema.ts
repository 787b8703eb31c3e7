import { randomBytes } from 'node:crypto';
import { eventStoreMigrations } from './event-store.migrations';
import { migrate } from './migrator';
import { PgDatabase } from './pg-database';
import { PgEventStore } from './pg-event-store';

/** A fresh schema with the event store's migrations, on the test run's PostgreSQL. */
export async function openTestStore(prefix: string): Promise<{ db: PgDatabase; store: PgEventStore; schema: string }> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set: run through jest (its global setup provisions PostgreSQL)');
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const db = PgDatabase.connect(url, { max: 60 });
  await migrate(db, schema, eventStoreMigrations);
  return { db, store: new PgEventStore(db, schema), schema };
}
