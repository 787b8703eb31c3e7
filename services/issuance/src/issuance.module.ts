import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { MessagingModule } from '@motcua/messaging';
import { DATABASE, IdempotentRequests, PlatformModule } from '@motcua/platform';
import { ResultListController } from './api/http/result-list.controller';
import { ResultsController } from './api/http/results.controller';
import { SigningKeysController } from './api/http/signing-keys.controller';
import { VerificationsController } from './api/http/verifications.controller';
import { DigitisationEventsHandler } from './api/kafka/digitisation-events.handler';
import { IntakeEventsHandler } from './api/kafka/intake-events.handler';
import { ProcessingEventsHandler } from './api/kafka/processing-events.handler';
import { DeliverResultHandler } from './application/deliver-result/deliver-result.handler';
import { GetResultHandler } from './application/get-result/get-result.handler';
import { ElectronicIssuance } from './application/issue-electronic-result/electronic-issuance';
import { ListResultsHandler } from './application/list-results/list-results.handler';
import { IssuePaperResultHandler } from './application/issue-paper-result/issue-paper-result.handler';
import { ReissueResultHandler } from './application/reissue-result/reissue-result.handler';
import { publishedResultEvent } from './application/result-stream';
import { EnsureSigningKey, signingKeysProvider } from './application/signing-keys/signing-keys.provider';
import { SwitchToPaperHandler } from './application/switch-to-paper/switch-to-paper.handler';
import { ResultVerifier } from './application/verify-result/result-verifier';
import { IssuanceConfig } from './issuance.config';
import { ResultsProjection } from './projections/results/results.projection';
import { issuanceMigrations } from './issuance.migrations';

/** Results: e-result signing and public verification, paper results, delivery and completion. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'issuance', config: IssuanceConfig }),
    MessagingModule.forRoot({
      service: 'issuance',
      publishes: Topics.issuance,
      translate: publishedResultEvent,
      consumes: [
        { topic: Topics.processing, handler: ProcessingEventsHandler },
        { topic: Topics.digitisation, handler: DigitisationEventsHandler },
        { topic: Topics.intake, handler: IntakeEventsHandler },
      ],
      migrations: issuanceMigrations,
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [ResultListController, ResultsController, VerificationsController, SigningKeysController],
  providers: [
    { provide: IdempotentRequests, inject: [DATABASE], useFactory: (db: PgDatabase) => new IdempotentRequests(db, 'issuance') },
    signingKeysProvider,
    EnsureSigningKey,
    ElectronicIssuance,
    ResultVerifier,
    ProcessingEventsHandler,
    DigitisationEventsHandler,
    IntakeEventsHandler,
    ResultsProjection,
    GetResultHandler,
    ListResultsHandler,
    IssuePaperResultHandler,
    DeliverResultHandler,
    ReissueResultHandler,
    SwitchToPaperHandler,
  ],
})
export class IssuanceModule {}
