import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@motcua/contracts';
import { MessagingModule } from '@motcua/messaging';
import { PlatformModule } from '@motcua/platform';
import { ResultsController } from './api/http/results.controller';
import { SigningKeysController } from './api/http/signing-keys.controller';
import { VerificationsController } from './api/http/verifications.controller';
import { DigitisationEventsHandler } from './api/kafka/digitisation-events.handler';
import { ProcessingEventsHandler } from './api/kafka/processing-events.handler';
import { DeliverResultHandler } from './application/deliver-result/deliver-result.handler';
import { GetResultHandler } from './application/get-result/get-result.handler';
import { ElectronicIssuance } from './application/issue-electronic-result/electronic-issuance';
import { electronicIssuanceMigrations } from './application/issue-electronic-result/electronic-issuance.migrations';
import { IssuePaperResultHandler } from './application/issue-paper-result/issue-paper-result.handler';
import { publishedResultEvent } from './application/result-stream';
import { signingKeyMigrations } from './application/signing-keys/signing-keys.migrations';
import { EnsureSigningKey, signingKeysProvider } from './application/signing-keys/signing-keys.provider';
import { ResultVerifier } from './application/verify-result/result-verifier';
import { IssuanceConfig } from './issuance.config';

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
      ],
      migrations: [...signingKeyMigrations, ...electronicIssuanceMigrations],
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [ResultsController, VerificationsController, SigningKeysController],
  providers: [
    signingKeysProvider,
    EnsureSigningKey,
    ElectronicIssuance,
    ResultVerifier,
    ProcessingEventsHandler,
    DigitisationEventsHandler,
    GetResultHandler,
    IssuePaperResultHandler,
    DeliverResultHandler,
  ],
})
export class IssuanceModule {}
