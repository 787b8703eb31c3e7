import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, Idempotent, IdempotentRequests } from '@motcua/platform';
import { ProcedureCatalogue } from '../catalogue/procedure-catalogue';
import { UnitDirectoryReader } from '../catalogue/unit-directory';
import { DossierForms } from '../dossier-forms/dossier-forms.service';
import { holderOf } from '../../domain/dossier/dossier.state';
import { actOnDossier } from '../dossier-stream';
import { ReceiptSlip, ReceiveDossier } from './receive-dossier.command';
import { receiptSlip, receptionFacts } from './reception';

/** A reception officer accepts a submitted dossier: the legal clock starts now. */
@CommandHandler(ReceiveDossier)
export class ReceiveDossierHandler implements ICommandHandler<ReceiveDossier, Idempotent<ReceiptSlip>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly catalogue: ProcedureCatalogue,
    private readonly forms: DossierForms,
    private readonly idempotency: IdempotentRequests,
    private readonly units: UnitDirectoryReader,
  ) {}

  async execute({ dossierId, officer, idempotencyKey }: ReceiveDossier): Promise<Idempotent<ReceiptSlip>> {
    const { response, replayed } = await this.idempotency.runIfKeyed(officer.id, idempotencyKey, { act: 'receive', dossierId }, async () => {
      const events = await actOnDossier(this.store, this.clock, dossierId, officer, async (state) => {
        const now = this.clock.now();
        const submitted = state.submitted as NonNullable<typeof state.submitted>;
        const procedure = await this.catalogue.inForce(submitted.procedureCode, now);
        const unit = holderOf({ ...state, submitted });
        return { type: 'Receive', ...receptionFacts(procedure, unit, now, officer.id, await this.units.officeHours(unit)) };
      });
      const received = events.find((e) => e.type === 'DossierReceived');
      if (received?.type !== 'DossierReceived') throw new Error('reception produced no DossierReceived');
      return receiptSlip(received.data);
    });
    // The form names the applicant: built after the idempotent run, so the stored answer holds no personal data.
    return { response: { ...response, form: await this.forms.form(dossierId, officer, { form: '01' }) }, replayed };
  }
}
