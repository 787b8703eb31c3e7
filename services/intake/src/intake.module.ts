import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { MessagingModule } from '@motcua/messaging';
import { DATABASE, IdempotentRequests, PlatformModule } from '@motcua/platform';
import { DeskController } from './api/http/desk.controller';
import { DossierFormsController } from './api/http/dossier-forms.controller';
import { DossiersController } from './api/http/dossiers.controller';
import { ProceduresController } from './api/http/procedures.controller';
import { UnitsController } from './api/http/units.controller';
import { ProcessingEventsHandler } from './api/kafka/processing-events.handler';
import { ProcedureCatalogue } from './application/catalogue/procedure-catalogue';
import { SeedCatalogue } from './application/catalogue/seed-catalogue';
import { ListProceduresHandler, ListUnitsHandler, ViewProcedureHandler, ViewUnitHandler } from './application/browse-catalogue/catalogue.queries';
import { CatalogueProjection } from './application/catalogue/catalogue.projection';
import { CatalogueWriter } from './application/catalogue/catalogue.writer';
import { ProcedureQueries } from './application/catalogue/procedure-queries';
import { UnitDirectoryReader } from './application/catalogue/unit-directory';
import { DefineProcedureHandler } from './application/define-procedure/define-procedure.handler';
import { ImportProceduresHandler } from './application/import-procedures/import-procedures.handler';
import { RegisterUnitHandler } from './application/register-unit/register-unit.handler';
import { RetireProcedureHandler } from './application/retire-procedure/retire-procedure.handler';
import { DossierForms } from './application/dossier-forms/dossier-forms.service';
import { FormFactsReader } from './application/dossier-forms/form-facts.reader';
import { DossierCodeAllocator } from './application/dossier-codes/dossier-code.allocator';
import { ApplicantRegistry } from './application/submit-dossier/applicant-registry';
import { ReceiveDossierHandler } from './application/receive-dossier/receive-dossier.handler';
import { RejectDossierHandler } from './application/reject-dossier/reject-dossier.handler';
import { ReturnForSupplementHandler } from './application/return-for-supplement/return-for-supplement.handler';
import { ProvideSupplementHandler } from './application/provide-supplement/provide-supplement.handler';
import { RegisterAtDeskHandler } from './application/register-at-desk/register-at-desk.handler';
import { NewDossiers } from './application/submit-dossier/new-dossier';
import { SubmissionBatches } from './application/submit-dossier/submission-batches';
import { SubmitDossierHandler } from './application/submit-dossier/submit-dossier.handler';
import { ViewDossierHandler } from './application/view-dossier/view-dossier.query';
import { WithdrawDossierHandler } from './application/withdraw-dossier/withdraw-dossier.handler';
import { publishedIntakeEvent } from './application/intake-relay';
import { IntakeConfig } from './intake.config';
import { IssuanceEventsHandler } from './api/kafka/issuance-events.handler';
import { ReorganisationsController } from './api/http/reorganisations.controller';
import { RecordReorganisationHandler } from './application/reorganise-units/record-reorganisation.handler';
import { ReorganisationImpact } from './application/reorganise-units/reorganisation-impact';
import { ReorganisationsReader } from './application/reorganise-units/reorganisations.reader';
import { TransferSweep } from './application/reorganise-units/transfer-sweep';
import { ReceptionQueueController } from './api/http/reception-queue.controller';
import { ListReceptionQueueHandler } from './application/list-reception-queue/list-reception-queue.handler';
import { ReceptionQueueProjection } from './projections/reception-queue/reception-queue.projection';
import { intakeMigrations } from './intake.migrations';

const SCHEMA = 'intake';
const inSchema = <T>(type: new (db: PgDatabase, schema: string) => T) => ({ provide: type, inject: [DATABASE], useFactory: (db: PgDatabase) => new type(db, SCHEMA) });

/** The one-stop desk and the portals' entry: catalogue, submission, reception, supplements, withdrawal. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: SCHEMA, config: IntakeConfig }),
    MessagingModule.forRoot({
      service: SCHEMA,
      publishes: Topics.intake,
      alsoPublishes: [Topics.catalogue],
      translate: publishedIntakeEvent,
      consumes: [
        { topic: Topics.processing, handler: ProcessingEventsHandler },
        { topic: Topics.issuance, handler: IssuanceEventsHandler },
      ],
      migrations: intakeMigrations,
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [DossiersController, DeskController, ReceptionQueueController, DossierFormsController, ProceduresController, UnitsController, ReorganisationsController],
  providers: [
    inSchema(ProcedureCatalogue),
    inSchema(DossierCodeAllocator),
    inSchema(ApplicantRegistry),
    inSchema(IdempotentRequests),
    inSchema(CatalogueProjection),
    inSchema(UnitDirectoryReader),
    inSchema(ProcedureQueries),
    CatalogueWriter,
    SeedCatalogue,
    DefineProcedureHandler,
    RetireProcedureHandler,
    ImportProceduresHandler,
    RegisterUnitHandler,
    ListProceduresHandler,
    ViewProcedureHandler,
    ListUnitsHandler,
    ViewUnitHandler,
    NewDossiers,
    SubmissionBatches,
    SubmitDossierHandler,
    RegisterAtDeskHandler,
    ReceiveDossierHandler,
    RejectDossierHandler,
    ReturnForSupplementHandler,
    ProvideSupplementHandler,
    WithdrawDossierHandler,
    ViewDossierHandler,
    inSchema(FormFactsReader),
    DossierForms,
    ProcessingEventsHandler,
    ReceptionQueueProjection,
    ListReceptionQueueHandler,
    IssuanceEventsHandler,
    inSchema(ReorganisationImpact),
    ReorganisationsReader,
    RecordReorganisationHandler,
    TransferSweep,
  ],
})
export class IntakeModule {}
