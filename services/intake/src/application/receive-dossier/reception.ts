import { WorkingCalendar } from '@motcua/calendar';
import type { DossierReceived, EventData } from '@motcua/contracts';
import { toSnapshot } from '../../domain/catalogue/procedure';
import type { ProcedureVersion } from '../../domain/catalogue/procedure';
import type { Reception } from '../../domain/dossier/dossier.commands';
import type { ReceiptSlip } from './receive-dossier.command';

const calendar = new WorkingCalendar();

/**
 * Reception starts the legal clock: the due date is counted from now (or the next opening) in
 * working time, under the procedure version in force now, whose terms travel with the dossier.
 */
export function receptionFacts(procedure: ProcedureVersion, unit: string, now: Date, officerId: string): Reception {
  const dueAt = calendar.dueAt(now, procedure.processingTime) as Date;
  return { receivedAt: now.toISOString(), dueAt: dueAt.toISOString(), procedure: toSnapshot(procedure, unit), officerId };
}

/** The receipt slip (Mẫu 01) handed to the applicant: code, appointment date, what was received. */
export function receiptSlip(received: EventData<typeof DossierReceived>): Omit<ReceiptSlip, 'form'> {
  return {
    dossierId: received.dossierId,
    code: received.code,
    channel: received.channel,
    procedure: { code: received.procedure.code, version: received.procedure.version, name: received.procedure.name },
    receivedAt: received.receivedAt,
    dueAt: received.dueAt,
    components: received.components.map((c) => ({ componentId: c.componentId, name: c.name, provenance: c.provenance })),
  };
}
