import { Module } from '@nestjs/common';
import { Topics } from '@motcua/contracts';
import { MessagingModule } from '@motcua/messaging';
import { PlatformModule } from '@motcua/platform';
import { IntakeEventsHandler } from './api/kafka/intake-events.handler';
import { publishedCaseEvent } from './application/case-stream';
import { DeadlineScheduler } from './application/check-deadlines/deadline.scheduler';
import { caseDeadlinesMigrations, CaseDeadlinesProjection } from './projections/case-deadlines/case-deadlines.projection';

/** The departments: handling cases, the legal clock, decisions. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'processing' }),
    MessagingModule.forRoot({
      service: 'processing',
      publishes: Topics.processing,
      translate: publishedCaseEvent,
      consumes: [{ topic: Topics.intake, handler: IntakeEventsHandler }],
      migrations: caseDeadlinesMigrations,
    }),
  ],
  providers: [IntakeEventsHandler, CaseDeadlinesProjection, DeadlineScheduler],
})
export class ProcessingModule {}
