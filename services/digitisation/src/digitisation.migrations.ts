import type { Migration } from '@motcua/event-store';
import { idempotencyMigrations } from '@motcua/platform';
import { digitisationTablesMigrations } from './projections/digitisation-tables/digitisation-tables.migrations';

/** Digitisation's own tables; the event store's and the inbox's come first (libs/messaging migrateServiceSchema). Applied as the service starts and by the deployment's migration step. */
export const digitisationMigrations: Migration[] = [...digitisationTablesMigrations, ...idempotencyMigrations];
