import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { actOnResult, loadResult } from '../act-on-result';
import type { ResultView } from '../get-result/get-result.query';
import { toView } from '../get-result/get-result.handler';
import { ElectronicIssuance } from '../issue-electronic-result/electronic-issuance';
import { ReissueResult } from './reissue-result.command';

/** Answers the result as it stands after the attempt: ISSUED, BLOCKED again, or RESOLVED awaiting the document. */
@CommandHandler(ReissueResult)
export class ReissueResultHandler implements ICommandHandler<ReissueResult, ResultView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly electronic: ElectronicIssuance,
  ) {}

  async execute({ dossierId, officer, documentId, sha256 }: ReissueResult): Promise<ResultView> {
    const at = this.clock.now();
    await this.electronic.correctedDocumentNamed(dossierId, documentId, at, () =>
      actOnResult(this.store, dossierId, officer, 'ISSUE', { type: 'NameCorrectedDocument', documentId, sha256, by: officer.id, at }, at),
    );
    return toView(await loadResult(this.store, dossierId));
  }
}
