import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { actOnCase, dataOf } from '../act-on-case';
import { HandOff, HandOffCase } from './hand-off-case.command';

@CommandHandler(HandOffCase)
export class HandOffCaseHandler implements ICommandHandler<HandOffCase, HandOff> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer }: HandOffCase): Promise<HandOff> {
    const { events } = await actOnCase(this.store, this.clock, dossierId, officer, { type: 'HandOff', at: this.clock.now() });
    const handedOff = dataOf(events, 'CaseHandedOff');
    const { step } = dataOf(events, 'CaseAssigned');
    return { dossierId, fromAgency: handedOff.fromAgency, toAgency: handedOff.toAgency, step, workingMinutesSpent: handedOff.workingMinutesSpent, handedOffAt: handedOff.handedOffAt };
  }
}
