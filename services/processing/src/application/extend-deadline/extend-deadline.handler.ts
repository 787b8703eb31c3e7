import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { actOnCase, dataOf } from '../act-on-case';
import { DeadlineExtension, ExtendDeadline } from './extend-deadline.command';

@CommandHandler(ExtendDeadline)
export class ExtendDeadlineHandler implements ICommandHandler<ExtendDeadline, DeadlineExtension> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer, by, reason }: ExtendDeadline): Promise<DeadlineExtension> {
    const { events } = await actOnCase(this.store, this.clock, dossierId, officer, { type: 'ExtendDeadline', at: this.clock.now(), by, reason, approvedBy: officer.id });
    const extended = dataOf(events, 'DeadlineExtended');
    return { dossierId, previousDueAt: extended.previousDueAt, dueAt: extended.dueAt, extendedAt: extended.extendedAt };
  }
}
