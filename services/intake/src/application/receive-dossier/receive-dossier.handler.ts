import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WorkingCalendar } from '@motcua/calendar';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { toSnapshot } from '../../domain/catalogue/procedure';
import { ProcedureCatalogue } from '../catalogue/procedure-catalogue';
import { actOnDossier } from '../dossier-stream';
import { ReceiptSlip, ReceiveDossier } from './receive-dossier.command';

/**
 * Reception starts the legal clock: the due date is counted from now (or the next opening) in
 * working time, under the procedure version in force now, whose terms travel with the dossier.
 */
@CommandHandler(ReceiveDossier)
export class ReceiveDossierHandler implements ICommandHandler<ReceiveDossier, ReceiptSlip> {
  private readonly calendar = new WorkingCalendar();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly catalogue: ProcedureCatalogue,
  ) {}

  async execute({ dossierId, officer }: ReceiveDossier): Promise<ReceiptSlip> {
    const events = await actOnDossier(this.store, this.clock, dossierId, officer, async (state) => {
      const now = this.clock.now();
      const procedure = await this.catalogue.inForce(state.submitted?.procedureCode ?? '', now);
      const dueAt = this.calendar.dueAt(now, procedure.processingTime) as Date;
      return { type: 'Receive', receivedAt: now.toISOString(), dueAt: dueAt.toISOString(), procedure: toSnapshot(procedure, state.submitted?.unit), officerId: officer.id };
    });
    const received = events.find((e) => e.type === 'DossierReceived');
    if (received?.type !== 'DossierReceived') throw new Error('reception produced no DossierReceived');
    const { data } = received;
    return {
      dossierId,
      code: data.code,
      procedure: { code: data.procedure.code, version: data.procedure.version, name: data.procedure.name },
      receivedAt: data.receivedAt,
      dueAt: data.dueAt,
      components: data.components.map((c) => ({ componentId: c.componentId, name: c.name, provenance: c.provenance })),
    };
  }
}
