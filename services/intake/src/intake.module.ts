import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { MessagingModule } from '@motcua/messaging';
import { DATABASE, idempotencyMigrations, IdempotentRequests, PlatformModule } from '@motcua/platform';
import { DossiersController } from './api/http/dossiers.controller';
import { catalogueMigrations, ProcedureCatalogue } from './application/catalogue/procedure-catalogue';
import { SeedCatalogue } from './application/catalogue/seed-catalogue';
import { DossierCodeAllocator, dossierCodeMigrations } from './application/dossier-codes/dossier-code.allocator';
import { applicantMigrations, ApplicantRegistry } from './application/submit-dossier/applicant-registry';
import { ReceiveDossierHandler } from './application/receive-dossier/receive-dossier.handler';
import { RejectDossierHandler } from './application/reject-dossier/reject-dossier.handler';
import { ReturnForSupplementHandler } from './application/return-for-supplement/return-for-supplement.handler';
import { SubmitDossierHandler } from './application/submit-dossier/submit-dossier.handler';
import { publishedIntakeEvent } from './application/intake-relay';
import { IntakeConfig } from './intake.config';

const SCHEMA = 'intake';
const inSchema = <T>(type: new (db: PgDatabase, schema: string) => T) => ({ provide: type, inject: [DATABASE], useFactory: (db: PgDatabase) => new type(db, SCHEMA) });

/** The one-stop desk and the portals' entry: catalogue, submission, reception. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: SCHEMA, config: IntakeConfig }),
    MessagingModule.forRoot({
      service: SCHEMA,
      publishes: Topics.intake,
      translate: publishedIntakeEvent,
      migrations: [...dossierCodeMigrations, ...catalogueMigrations, ...applicantMigrations, ...idempotencyMigrations],
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [DossiersController],
  providers: [
    inSchema(ProcedureCatalogue),
    inSchema(DossierCodeAllocator),
    inSchema(ApplicantRegistry),
    inSchema(IdempotentRequests),
    SeedCatalogue,
    SubmitDossierHandler,
    ReceiveDossierHandler,
    RejectDossierHandler,
    ReturnForSupplementHandler,
  ],
})
export class IntakeModule {}
