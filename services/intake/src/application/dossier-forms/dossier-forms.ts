import { FormNotFoundError, IssuingBody, OneStopForm, ProcedureFacts, receiptForm, refusalForm, supplementRequestForm } from '@motcua/forms';
import type { DossierEvent, DossierEventOf } from '../../domain/dossier/dossier.events';

/** The desk's forms: the receipt (Mẫu 01), a return at reception (Mẫu 02, by its 1-based number), the refusal (Mẫu 03). */
export type DossierFormKind = { form: '01' } | { form: '02'; sequence?: number } | { form: '03' };

/** What the forms print beyond the events: looked up in intake's own tables. */
export interface DossierFormLookups {
  unit: IssuingBody;
  /** The submitted version in the catalogue; a receipt prints the snapshot DossierReceived carries instead. */
  procedure: ProcedureFacts;
  applicantName?: string;
}

const all = <T extends DossierEvent['type']>(events: DossierEvent[], type: T) => events.filter((e): e is DossierEventOf<T> => e.type === type);

/**
 * A form rebuilt from the dossier's stored events alone (and the lookups), so the form the act
 * answered and every later print of it are the same.
 */
export function dossierForm(events: DossierEvent[], kind: DossierFormKind, lookups: DossierFormLookups): OneStopForm {
  const { unit, applicantName } = lookups;
  switch (kind.form) {
    case '01': {
      const received = all(events, 'DossierReceived')[0]?.data;
      if (!received) throw new FormNotFoundError('01');
      const { code, name, processingTime } = received.procedure;
      return receiptForm({
        unit,
        code: received.code,
        applicantName,
        procedure: { code, name, processingTime },
        components: received.components.map((c) => ({ name: c.name, provenance: c.provenance })),
        channel: received.channel,
        delivery: received.delivery,
        receivedAt: received.receivedAt,
        dueAt: received.dueAt,
        officerId: received.officerId,
      });
    }
    case '02': {
      const returns = all(events, 'DossierReturnedForSupplement');
      const sequence = kind.sequence ?? returns.length;
      const returned = returns[sequence - 1]?.data;
      if (!returned) throw new FormNotFoundError('02');
      return supplementRequestForm({
        issuer: unit,
        code: returned.code,
        applicantName,
        procedure: lookups.procedure,
        missing: returned.missing,
        requestedAt: returned.returnedAt,
        sequence,
        officerId: returned.officerId,
      });
    }
    case '03': {
      const rejected = all(events, 'DossierRejected')[0]?.data;
      if (!rejected) throw new FormNotFoundError('03');
      return refusalForm({
        unit,
        code: rejected.code || undefined,
        applicantName,
        procedure: lookups.procedure,
        reason: rejected.reason,
        rejectedAt: rejected.rejectedAt,
        officerId: rejected.officerId,
      });
    }
    default:
      return kind satisfies never;
  }
}
