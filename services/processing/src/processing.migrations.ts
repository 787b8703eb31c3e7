import type { Migration } from '@motcua/event-store';
import { caseDeadlinesMigrations } from './projections/case-deadlines/case-deadlines.projection';
import { workListMigrations } from './projections/work-list/work-list.projection';

/** Processing's own tables; the event store's and the inbox's come first (libs/messaging migrateServiceSchema). Applied as the service starts and by the deployment's migration step. */
export const processingMigrations: Migration[] = [...caseDeadlinesMigrations, ...workListMigrations];
