import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, Idempotent, IdempotentRequests, Principal } from '@motcua/platform';
import type { OneStopForm } from '@motcua/forms';
import { DossierForms } from '../dossier-forms/dossier-forms.service';
import { actOnDossier } from '../dossier-stream';

/** The desk refuses a dossier it cannot accept, with the reason the applicant is told (Mẫu 03). */
export class RejectDossier {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly reason: string,
    /** A retry with the same key gets the first answer instead of 409. */
    readonly idempotencyKey?: string,
  ) {}
}

export interface DossierRejected {
  dossierId: string;
  status: 'REJECTED';
  rejectedAt: string;
  /** Mẫu 03 as data; it prints at GET /v1/dossiers/{dossierId}/forms/refusal.pdf. */
  form: OneStopForm;
}

@CommandHandler(RejectDossier)
export class RejectDossierHandler implements ICommandHandler<RejectDossier, Idempotent<DossierRejected>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly forms: DossierForms,
    private readonly idempotency: IdempotentRequests,
  ) {}

  async execute({ dossierId, officer, reason, idempotencyKey }: RejectDossier): Promise<Idempotent<DossierRejected>> {
    const { response, replayed } = await this.idempotency.runIfKeyed(officer.id, idempotencyKey, { act: 'reject', dossierId, reason }, async () => {
      // The instant goes back with the answer, as the receipt slip's and the withdrawal's do: the
      // desk's view of a dossier does not keep it.
      const rejectedAt = this.clock.now().toISOString();
      await actOnDossier(this.store, this.clock, dossierId, officer, (state) => ({
        type: 'Reject',
        rejected: { dossierId, code: state.code ?? '', rejectedAt, reason, officerId: officer.id },
      }));
      return { dossierId, status: 'REJECTED' as const, rejectedAt };
    });
    return { response: { ...response, form: await this.forms.form(dossierId, officer, { form: '03' }) }, replayed };
  }
}
