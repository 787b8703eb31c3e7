import { eventStoreMigrations, Migration, migrate, PgDatabase } from '@motcua/event-store';
import { messagingMigrations } from '../inbox/inbox.migrations';

/**
 * A service's schema: the event store's tables, the inbox's, then the service's own. Applied by the
 * service as it starts and by the deployment's migration step alike, from this one list, so both
 * reach the same schema; the migrator's advisory lock makes concurrent runs apply each once.
 */
export function migrateServiceSchema(db: PgDatabase, service: string, own: Migration[] = []): Promise<string[]> {
  return migrate(db, service, [...eventStoreMigrations, ...messagingMigrations, ...own]);
}

/** The migration step of a deployment: one short-lived connection, the schema brought up to date, then closed. */
export async function migrateServiceDatabase(databaseUrl: string, service: string, own: Migration[] = []): Promise<string[]> {
  const db = PgDatabase.connect(databaseUrl, { max: 1 });
  try {
    return await migrateServiceSchema(db, service, own);
  } finally {
    await db.close();
  }
}
