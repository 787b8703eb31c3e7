import { migrateServiceDatabase } from '@motcua/messaging';
import { digitisationMigrations } from './digitisation.migrations';

/** The deployment's migration step for digitisation (deploy/production/run.ts): its schema brought up to date, nothing started. */
export function migrate(databaseUrl: string): Promise<string[]> {
  return migrateServiceDatabase(databaseUrl, 'digitisation', digitisationMigrations);
}
