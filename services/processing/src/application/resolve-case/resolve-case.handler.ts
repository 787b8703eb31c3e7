import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { actOnCase, dataOf } from '../act-on-case';
import { Decision, ResolveCase } from './resolve-case.command';

@CommandHandler(ResolveCase)
export class ResolveCaseHandler implements ICommandHandler<ResolveCase, Decision> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer, outcome, resultDocuments }: ResolveCase): Promise<Decision> {
    const { events } = await actOnCase(this.store, this.clock, dossierId, officer, { type: 'Resolve', at: this.clock.now(), outcome, resultDocuments, decidedBy: officer.id });
    const resolved = dataOf(events, 'DossierResolved');
    return { dossierId, outcome: resolved.outcome, resolvedAt: resolved.resolvedAt, dueAt: resolved.dueAt, onTime: resolved.onTime, supplementCount: resolved.supplementCount, decidingStep: resolved.decidingStep as Decision['decidingStep'] };
  }
}
