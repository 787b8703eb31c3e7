import { migrateServiceDatabase } from '@motcua/messaging';
import { intakeMigrations } from './intake.migrations';

/** The deployment's migration step for intake (deploy/production/run.ts): its schema brought up to date, nothing started. */
export function migrate(databaseUrl: string): Promise<string[]> {
  return migrateServiceDatabase(databaseUrl, 'intake', intakeMigrations);
}
