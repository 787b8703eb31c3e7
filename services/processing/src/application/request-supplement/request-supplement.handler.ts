import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { actOnCase, dataOf } from '../act-on-case';
import { caseSupplementRequestForm } from '../case-forms/case-forms';
import { RequestSupplement, SupplementRequest } from './request-supplement.command';

@CommandHandler(RequestSupplement)
export class RequestSupplementHandler implements ICommandHandler<RequestSupplement, SupplementRequest> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer, missing }: RequestSupplement): Promise<SupplementRequest> {
    const command = { type: 'RequestSupplement', at: this.clock.now(), requestId: randomUUID(), missing, officerId: officer.id } as const;
    const { events, state } = await actOnCase(this.store, this.clock, dossierId, officer, command);
    const requested = dataOf(events, 'SupplementRequested');
    const opened = state.opened as NonNullable<typeof state.opened>;
    return { dossierId, requestId: requested.requestId, sequence: requested.sequence, requestedAt: requested.requestedAt, status: 'PAUSED', form: caseSupplementRequestForm(opened, requested) };
  }
}
