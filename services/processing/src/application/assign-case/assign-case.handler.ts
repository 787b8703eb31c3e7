import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { actOnCase, dataOf } from '../act-on-case';
import { AssignCase, CaseAssignment } from './assign-case.command';

@CommandHandler(AssignCase)
export class AssignCaseHandler implements ICommandHandler<AssignCase, CaseAssignment> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer, department, officerId }: AssignCase): Promise<CaseAssignment> {
    const { events } = await actOnCase(this.store, this.clock, dossierId, officer, { type: 'Assign', at: this.clock.now(), department, officerId });
    const assigned = dataOf(events, 'CaseAssigned');
    return { dossierId, step: assigned.step, agency: assigned.agency, department, officerId, assignedAt: assigned.assignedAt };
  }
}
