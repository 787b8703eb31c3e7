import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock, IdempotentRequests, requestHash } from '@motcua/platform';
import { NewDossiers } from './new-dossier';
import { SubmissionBatches, SubmissionOutcome } from './submission-batches';
import { SubmitDossier, SubmittedDossier } from './submit-dossier.command';

/**
 * Online submission: a repeated key gets its first answer; a new one is checked here, outside any
 * transaction, then stored with the submissions to the same unit that arrive meanwhile (see
 * SubmissionBatches): the idempotency record, the applicant's personal data (intake's table only),
 * the dossier code and the dossier's first event, in one transaction. Events carry the applicant
 * as a keyed reference, never the ID number or the name.
 */
@CommandHandler(SubmitDossier)
export class SubmitDossierHandler implements ICommandHandler<SubmitDossier, SubmissionOutcome> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly idempotency: IdempotentRequests,
    private readonly dossiers: NewDossiers,
    private readonly batches: SubmissionBatches,
  ) {}

  async execute({ portal, idempotencyKey, request }: SubmitDossier): Promise<SubmissionOutcome> {
    const hash = requestHash(request);
    const earlier = await this.idempotency.recall<SubmittedDossier>(portal, idempotencyKey, hash);
    if (earlier) return { response: earlier, replayed: true };
    const now = this.clock.now();
    const draft = await this.dossiers.draft(request, 'ONLINE', now, portal);
    return this.batches.submit({ portal, idempotencyKey, requestHash: hash, draft, now });
  }
}
