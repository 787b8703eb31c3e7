import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, Idempotent, IdempotentRequests, Principal } from '@motcua/platform';
import type { OneStopForm } from '@motcua/forms';
import { DossierForms } from '../dossier-forms/dossier-forms.service';
import { actOnDossier } from '../dossier-stream';

/**
 * Before reception, the desk returns an incomplete dossier listing everything missing in one
 * request (Mẫu 02). The legal clock has not started, so this is not a 766 supplement.
 */
export class ReturnForSupplement {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly missing: string[],
    /** A retry with the same key gets the first answer instead of 409. */
    readonly idempotencyKey?: string,
  ) {}
}

export interface ReturnedForSupplement {
  dossierId: string;
  status: 'RETURNED_FOR_SUPPLEMENT';
  /** 1 for the dossier's first return; Mẫu 02 prints at GET /v1/dossiers/{dossierId}/forms/supplement-requests/{sequence}.pdf. */
  sequence: number;
  form: OneStopForm;
}

@CommandHandler(ReturnForSupplement)
export class ReturnForSupplementHandler implements ICommandHandler<ReturnForSupplement, Idempotent<ReturnedForSupplement>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly forms: DossierForms,
    private readonly idempotency: IdempotentRequests,
  ) {}

  async execute({ dossierId, officer, missing, idempotencyKey }: ReturnForSupplement): Promise<Idempotent<ReturnedForSupplement>> {
    const { response, replayed } = await this.idempotency.runIfKeyed(officer.id, idempotencyKey, { act: 'return-for-supplement', dossierId, missing }, async () => {
      let sequence = 0;
      await actOnDossier(this.store, this.clock, dossierId, officer, (state) => {
        // A return waits for the applicant's supplement before another can be made: this is the next one.
        sequence = state.supplementsBeforeReception + 1;
        return { type: 'ReturnForSupplement', returned: { dossierId, code: state.code ?? '', returnedAt: this.clock.now().toISOString(), missing, officerId: officer.id } };
      });
      return { dossierId, status: 'RETURNED_FOR_SUPPLEMENT' as const, sequence };
    });
    return { response: { ...response, form: await this.forms.form(dossierId, officer, { form: '02', sequence: response.sequence }) }, replayed };
  }
}
