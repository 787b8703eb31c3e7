import type { Migration } from '@motcua/event-store';
import { idempotencyMigrations } from '@motcua/platform';
import { electronicIssuanceMigrations } from './application/issue-electronic-result/electronic-issuance.migrations';
import { signingKeyMigrations } from './application/signing-keys/signing-keys.migrations';
import { resultsMigrations } from './projections/results/results.migrations';

/** Issuance's own tables; the event store's and the inbox's come first (libs/messaging migrateServiceSchema). Applied as the service starts and by the deployment's migration step. */
export const issuanceMigrations: Migration[] = [...signingKeyMigrations, ...electronicIssuanceMigrations, ...resultsMigrations, ...idempotencyMigrations];
