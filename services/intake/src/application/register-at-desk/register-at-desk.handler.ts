import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertUnit, CLOCK, Clock, IdempotentRequests } from '@motcua/platform';
import { decideDossier } from '../../domain/dossier/dossier.decider';
import { initialDossierState } from '../../domain/dossier/dossier.state';
import { ReceiptSlip } from '../receive-dossier/receive-dossier.command';
import { DossierForms } from '../dossier-forms/dossier-forms.service';
import { receiptSlip, receptionFacts } from '../receive-dossier/reception';
import { UnitDirectoryReader } from '../catalogue/unit-directory';
import { NewDossiers } from '../submit-dossier/new-dossier';
import { RegisterAtDesk } from './register-at-desk.command';

/**
 * Counter and postal intake: the same checks as online submission, and reception in the same
 * transaction, so the applicant leaves the counter with a receipt slip and an appointment date.
 */
@CommandHandler(RegisterAtDesk)
export class RegisterAtDeskHandler implements ICommandHandler<RegisterAtDesk, { response: ReceiptSlip; replayed: boolean }> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly idempotency: IdempotentRequests,
    private readonly dossiers: NewDossiers,
    private readonly forms: DossierForms,
    private readonly units: UnitDirectoryReader,
  ) {}

  async execute({ officer, idempotencyKey, channel, request }: RegisterAtDesk): Promise<{ response: ReceiptSlip; replayed: boolean }> {
    // A unit a reorganisation merged registers nothing of its own any more: the dossier is the
    // successor's, whose desk takes it; the merged unit's officers may still do so until the
    // transition window ends.
    const at = this.clock.now();
    const { succeededBy } = await this.units.forSubmission(request.unit, at);
    const former = succeededBy?.transitionEndsAt ? { unit: request.unit, until: succeededBy.transitionEndsAt } : undefined;
    assertUnit(officer, succeededBy?.code ?? request.unit, former, at);
    const { response, replayed } = await this.idempotency.run(officer.id, idempotencyKey, { channel, ...request }, async () => {
      const now = this.clock.now();
      const { submitted, procedure } = await this.dossiers.prepare(request, channel, now);
      const events = decideDossier({ type: 'RegisterAtDesk', submitted, ...receptionFacts(procedure, submitted.unit, now, officer.id, await this.units.officeHours(submitted.unit)) }, initialDossierState);
      await this.dossiers.open(submitted.dossierId, events, now);
      const received = events.find((e) => e.type === 'DossierReceived');
      if (received?.type !== 'DossierReceived') throw new Error('registration produced no DossierReceived');
      return receiptSlip(received.data);
    });
    // The form names the applicant: it is built after the idempotent run, so the stored answer
    // holds no personal data, and a replay prints the same form from the same events.
    return { response: { ...response, form: await this.forms.form(response.dossierId, officer, { form: '01' }) }, replayed };
  }
}
