import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, Principal } from '@motcua/platform';
import type { OneStopForm } from '@motcua/forms';
import { DossierForms } from '../dossier-forms/dossier-forms.service';
import { actOnDossier } from '../dossier-stream';

/** The desk refuses a dossier it cannot accept, with the reason the applicant is told (Mẫu 03). */
export class RejectDossier {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly reason: string,
  ) {}
}

@CommandHandler(RejectDossier)
export class RejectDossierHandler implements ICommandHandler<RejectDossier, { dossierId: string; status: 'REJECTED'; rejectedAt: string; form: OneStopForm }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly forms: DossierForms,
  ) {}

  async execute({ dossierId, officer, reason }: RejectDossier) {
    // The instant goes back with the answer, as the receipt slip's and the withdrawal's do: the
    // desk's view of a dossier does not keep it.
    const rejectedAt = this.clock.now().toISOString();
    await actOnDossier(this.store, this.clock, dossierId, officer, (state) => ({
      type: 'Reject',
      rejected: { dossierId, code: state.code ?? '', rejectedAt, reason, officerId: officer.id },
    }));
    return { dossierId, status: 'REJECTED' as const, rejectedAt, form: await this.forms.form(dossierId, officer, { form: '03' }) };
  }
}
