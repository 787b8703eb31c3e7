import { migrateServiceDatabase } from '@motcua/messaging';
import { processingMigrations } from './processing.migrations';

/** The deployment's migration step for processing (deploy/production/run.ts): its schema brought up to date, nothing started. */
export function migrate(databaseUrl: string): Promise<string[]> {
  return migrateServiceDatabase(databaseUrl, 'processing', processingMigrations);
}
