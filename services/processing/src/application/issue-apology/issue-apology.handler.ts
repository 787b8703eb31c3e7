import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { actOnCase, dataOf } from '../act-on-case';
import { caseApologyForm } from '../case-forms/case-forms';
import { ApologyLetter, IssueApology } from './issue-apology.command';

@CommandHandler(IssueApology)
export class IssueApologyHandler implements ICommandHandler<IssueApology, ApologyLetter> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer, reason }: IssueApology): Promise<ApologyLetter> {
    const { events, state } = await actOnCase(this.store, this.clock, dossierId, officer, { type: 'IssueApology', at: this.clock.now(), reason, issuedBy: officer.id });
    const letter = dataOf(events, 'ApologyIssued');
    const opened = state.opened as NonNullable<typeof state.opened>;
    return { dossierId, issuedAt: letter.issuedAt, dueAt: letter.dueAt, newAppointmentAt: letter.newAppointmentAt, form: caseApologyForm(opened, letter) };
  }
}
