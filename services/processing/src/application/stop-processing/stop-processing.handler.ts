import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { actOnCase, dataOf } from '../act-on-case';
import { StopProcessing, Stopped } from './stop-processing.command';

@CommandHandler(StopProcessing)
export class StopProcessingHandler implements ICommandHandler<StopProcessing, Stopped> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer, reason, ground }: StopProcessing): Promise<Stopped> {
    const { events } = await actOnCase(this.store, this.clock, dossierId, officer, { type: 'StopProcessing', at: this.clock.now(), reason, decidedBy: officer.id, ground });
    return { dossierId, status: 'STOPPED', stoppedAt: dataOf(events, 'ProcessingStopped').stoppedAt };
  }
}
