import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { actOnResult } from '../act-on-result';
import type { ResultView } from '../get-result/get-result.query';
import { toView } from '../get-result/get-result.handler';
import { SwitchToPaper } from './switch-to-paper.command';

/** From then on the paper path applies: the officer records the printed result, the desk hands it over. */
@CommandHandler(SwitchToPaper)
export class SwitchToPaperHandler implements ICommandHandler<SwitchToPaper, ResultView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer, reason }: SwitchToPaper): Promise<ResultView> {
    const at = this.clock.now();
    const { state } = await actOnResult(this.store, dossierId, officer, 'ISSUE', { type: 'SwitchToPaper', reason, by: officer.id, at }, at);
    return toView(state);
  }
}
