import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@motcua/contracts';
import { MessagingModule } from '@motcua/messaging';
import { PlatformModule } from '@motcua/platform';
import { CaseFormsController } from './api/http/case-forms.controller';
import { CasesController } from './api/http/cases.controller';
import { WorkListController } from './api/http/work-list.controller';
import { CaseForms } from './application/case-forms/case-forms.service';
import { IntakeEventsHandler } from './api/kafka/intake-events.handler';
import { PaymentEventsHandler } from './api/kafka/payment-events.handler';
import { AssignCaseHandler } from './application/assign-case/assign-case.handler';
import { publishedCaseEvent } from './application/case-stream';
import { DeadlineScheduler } from './application/check-deadlines/deadline.scheduler';
import { ExtendDeadlineHandler } from './application/extend-deadline/extend-deadline.handler';
import { GetCaseHandler } from './application/get-case/get-case.handler';
import { HandOffCaseHandler } from './application/hand-off-case/hand-off-case.handler';
import { ListWorkHandler } from './application/list-work/list-work.handler';
import { IssueApologyHandler } from './application/issue-apology/issue-apology.handler';
import { RequestSupplementHandler } from './application/request-supplement/request-supplement.handler';
import { ResolveCaseHandler } from './application/resolve-case/resolve-case.handler';
import { StopProcessingHandler } from './application/stop-processing/stop-processing.handler';
import { CaseDeadlinesProjection } from './projections/case-deadlines/case-deadlines.projection';
import { WorkListProjection } from './projections/work-list/work-list.projection';
import { processingMigrations } from './processing.migrations';

/** The departments: handling cases, the legal clock, decisions. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'processing' }),
    MessagingModule.forRoot({
      service: 'processing',
      publishes: Topics.processing,
      translate: publishedCaseEvent,
      consumes: [
        { topic: Topics.intake, handler: IntakeEventsHandler },
        { topic: Topics.payment, handler: PaymentEventsHandler },
      ],
      migrations: processingMigrations,
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [WorkListController, CasesController, CaseFormsController],
  providers: [
    IntakeEventsHandler,
    PaymentEventsHandler,
    CaseDeadlinesProjection,
    WorkListProjection,
    ListWorkHandler,
    DeadlineScheduler,
    GetCaseHandler,
    CaseForms,
    AssignCaseHandler,
    HandOffCaseHandler,
    RequestSupplementHandler,
    ExtendDeadlineHandler,
    IssueApologyHandler,
    ResolveCaseHandler,
    StopProcessingHandler,
  ],
})
export class ProcessingModule {}
