import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock, IdempotentRequests } from '@motcua/platform';
import { decideDossier } from '../../domain/dossier/dossier.decider';
import { initialDossierState } from '../../domain/dossier/dossier.state';
import { NewDossiers } from './new-dossier';
import { SubmitDossier, SubmittedDossier } from './submit-dossier.command';

/**
 * Online submission: in one transaction, the idempotency record, the applicant's personal data
 * (intake's table only), the dossier code and the dossier's first event. Events carry the
 * applicant as a keyed reference, never the ID number or the name.
 */
@CommandHandler(SubmitDossier)
export class SubmitDossierHandler implements ICommandHandler<SubmitDossier, { response: SubmittedDossier; replayed: boolean }> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly idempotency: IdempotentRequests,
    private readonly dossiers: NewDossiers,
  ) {}

  execute({ portal, idempotencyKey, request }: SubmitDossier) {
    return this.idempotency.run(portal, idempotencyKey, request, async () => {
      const now = this.clock.now();
      const { submitted } = await this.dossiers.prepare(request, 'ONLINE', now, portal);
      await this.dossiers.open(submitted.dossierId, decideDossier({ type: 'SubmitOnline', submitted }, initialDossierState), now);
      return { dossierId: submitted.dossierId, code: submitted.code, status: 'SUBMITTED' as const };
    });
  }
}
