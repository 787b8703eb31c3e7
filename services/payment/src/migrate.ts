import { migrateServiceDatabase } from '@motcua/messaging';
import { paymentMigrations } from './payment.migrations';

/** The deployment's migration step for payment (deploy/production/run.ts): its schema brought up to date, nothing started. */
export function migrate(databaseUrl: string): Promise<string[]> {
  return migrateServiceDatabase(databaseUrl, 'payment', paymentMigrations);
}
