import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, Idempotent, IdempotentRequests } from '@motcua/platform';
import { actOnResult } from '../act-on-result';
import { IssuePaperResult, PaperResultIssued } from './issue-paper-result.command';

@CommandHandler(IssuePaperResult)
export class IssuePaperResultHandler implements ICommandHandler<IssuePaperResult, Idempotent<PaperResultIssued>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly idempotency: IdempotentRequests,
  ) {}

  execute({ dossierId, officer, documentNumber, idempotencyKey }: IssuePaperResult): Promise<Idempotent<PaperResultIssued>> {
    return this.idempotency.runIfKeyed(officer.id, idempotencyKey, { act: 'paper-result', dossierId, documentNumber }, async () => {
      const at = this.clock.now();
      await actOnResult(this.store, dossierId, officer, 'ISSUE', { type: 'IssuePaperResult', documentNumber, at }, at);
      return { dossierId, form: 'PAPER' as const, documentNumber, issuedAt: at.toISOString() };
    });
  }
}
