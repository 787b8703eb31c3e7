import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { MessagingModule } from '@motcua/messaging';
import { CONFIG, DATABASE, IdempotentRequests, PlatformModule } from '@motcua/platform';
import { DocumentsController } from './api/http/documents.controller';
import { DossierDigitisationController } from './api/http/dossier-digitisation.controller';
import { RepositoryController } from './api/http/repository.controller';
import { TasksController } from './api/http/tasks.controller';
import { IntakeEventsHandler } from './api/kafka/intake-events.handler';
import { IssuanceEventsHandler } from './api/kafka/issuance-events.handler';
import { DocumentFactsReader } from './application/document-facts';
import { Documents } from './application/documents';
import { DossierDigitisations } from './application/dossier-digitisations';
import { publishedDigitisationEvent } from './application/event-streams';
import { DigitisationTasksReader, ListDigitisationTasksHandler } from './application/list-tasks/list-tasks.query';
import { ReadDocumentHandler } from './application/read-document/read-document.query';
import { ScanComponentHandler } from './application/scan-component/scan-component.handler';
import { ScanRecorder } from './application/scan-recorder';
import { ScanResultHandler } from './application/scan-result/scan-result.handler';
import { RepositoryReader, SearchRepositoryHandler } from './application/search-repository/search-repository.query';
import { DOCUMENT_STORAGE } from './application/storage/document-storage';
import { LocalDocumentStorage } from './application/storage/local-document-storage';
import { UploadDocumentHandler } from './application/upload-document/upload-document.handler';
import { ViewDigitisationHandler } from './application/view-digitisation/view-digitisation.query';
import { DEFAULT_DOCUMENTS_DIR, DigitisationConfig } from './digitisation.config';
import { DigitisationTablesProjection } from './projections/digitisation-tables/digitisation-tables.projection';
import { digitisationMigrations } from './digitisation.migrations';

const SCHEMA = 'digitisation';
const inSchema = <T>(type: new (db: PgDatabase, schema: string) => T) => ({ provide: type, inject: [DATABASE], useFactory: (db: PgDatabase) => new type(db, SCHEMA) });

/** Every file's bytes: uploads, scans of paper at the desk, results; the applicants' repository and reuse checks. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: SCHEMA, config: DigitisationConfig }),
    MessagingModule.forRoot({
      service: SCHEMA,
      publishes: Topics.digitisation,
      translate: publishedDigitisationEvent,
      consumes: [
        { topic: Topics.intake, handler: IntakeEventsHandler },
        { topic: Topics.issuance, handler: IssuanceEventsHandler },
      ],
      migrations: digitisationMigrations,
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [DocumentsController, DossierDigitisationController, TasksController, RepositoryController],
  providers: [
    { provide: DOCUMENT_STORAGE, inject: [CONFIG], useFactory: (c: DigitisationConfig) => new LocalDocumentStorage(resolve(c.DOCUMENTS_DIR ?? DEFAULT_DOCUMENTS_DIR)) },
    inSchema(DigitisationTablesProjection),
    inSchema(DocumentFactsReader),
    inSchema(DigitisationTasksReader),
    inSchema(RepositoryReader),
    inSchema(IdempotentRequests),
    DossierDigitisations,
    Documents,
    ScanRecorder,
    IntakeEventsHandler,
    IssuanceEventsHandler,
    UploadDocumentHandler,
    ScanComponentHandler,
    ScanResultHandler,
    ReadDocumentHandler,
    ListDigitisationTasksHandler,
    ViewDigitisationHandler,
    SearchRepositoryHandler,
  ],
})
export class DigitisationModule {}
