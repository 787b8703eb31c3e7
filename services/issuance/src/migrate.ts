import { migrateServiceDatabase } from '@motcua/messaging';
import { issuanceMigrations } from './issuance.migrations';

/** The deployment's migration step for issuance (deploy/production/run.ts): its schema brought up to date, nothing started. */
export function migrate(databaseUrl: string): Promise<string[]> {
  return migrateServiceDatabase(databaseUrl, 'issuance', issuanceMigrations);
}
