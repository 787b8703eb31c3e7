import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { actOnResult } from '../act-on-result';
import { IssuePaperResult, PaperResultIssued } from './issue-paper-result.command';

@CommandHandler(IssuePaperResult)
export class IssuePaperResultHandler implements ICommandHandler<IssuePaperResult, PaperResultIssued> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer, documentNumber }: IssuePaperResult): Promise<PaperResultIssued> {
    const at = this.clock.now();
    await actOnResult(this.store, dossierId, officer, 'ISSUE', { type: 'IssuePaperResult', documentNumber, at });
    return { dossierId, form: 'PAPER', documentNumber, issuedAt: at.toISOString() };
  }
}
