import { Module } from '@nestjs/common';
import { Topics } from '@motcua/contracts';
import { MessagingModule } from '@motcua/messaging';
import { PlatformModule } from '@motcua/platform';
import { IntakeEventsHandler } from './api/kafka/intake-events.handler';
import { publishedCaseEvent } from './application/case-stream';

/** The departments: handling cases, the legal clock, decisions. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'processing' }),
    MessagingModule.forRoot({
      service: 'processing',
      publishes: Topics.processing,
      translate: publishedCaseEvent,
      consumes: [{ topic: Topics.intake, handler: IntakeEventsHandler }],
    }),
  ],
  providers: [IntakeEventsHandler],
})
export class ProcessingModule {}
