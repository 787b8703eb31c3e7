import type { Migration } from '@motcua/event-store';
import { idempotencyMigrations } from '@motcua/platform';
import { paymentRequestsMigrations } from './projections/payment-requests/payment-requests.projection';

/** Payment's own tables; the event store's and the inbox's come first (libs/messaging migrateServiceSchema). Applied as the service starts and by the deployment's migration step. */
export const paymentMigrations: Migration[] = [...paymentRequestsMigrations, ...idempotencyMigrations];
