import type { Migration } from '@motcua/event-store';
import { idempotencyMigrations } from '@motcua/platform';
import { catalogueUnitMigrations, reorganisationMigrations } from './application/catalogue/catalogue.migrations';
import { catalogueMigrations } from './application/catalogue/procedure-catalogue';
import { dossierCodeMigrations } from './application/dossier-codes/dossier-code.allocator';
import { applicantMigrations } from './application/submit-dossier/applicant-registry';
import { receptionQueueMigrations } from './projections/reception-queue/reception-queue.projection';

/** Intake's own tables; the event store's and the inbox's come first (libs/messaging migrateServiceSchema). Applied as the service starts and by the deployment's migration step. */
export const intakeMigrations: Migration[] = [...dossierCodeMigrations, ...catalogueMigrations, ...applicantMigrations, ...idempotencyMigrations, ...catalogueUnitMigrations, ...receptionQueueMigrations, ...reorganisationMigrations];
