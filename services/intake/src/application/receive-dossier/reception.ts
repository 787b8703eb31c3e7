import { calendarFor, currentTerms, OfficePeriod } from '@motcua/calendar';
import type { DossierReceived, EventData } from '@motcua/contracts';
import { toSnapshot } from '../../domain/catalogue/procedure';
import type { ProcedureVersion } from '../../domain/catalogue/procedure';
import type { Reception } from '../../domain/dossier/dossier.commands';
import type { ReceiptSlip } from './receive-dossier.command';

/**
 * Reception starts the legal clock: the due date is counted from now (or the next opening) in
 * working time, in the receiving unit's office hours and the holiday table in force, under the
 * procedure version in force now. Those terms travel with the dossier, the calendar's included.
 */
export function receptionFacts(procedure: ProcedureVersion, unit: string, now: Date, officerId: string, officeHours?: OfficePeriod[]): Reception {
  const calendar = currentTerms(officeHours);
  const dueAt = calendarFor(calendar).dueAt(now, procedure.processingTime) as Date;
  return { receivedAt: now.toISOString(), dueAt: dueAt.toISOString(), procedure: toSnapshot(procedure, unit), officerId, calendar };
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
