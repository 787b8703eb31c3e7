import { apologyForm, FormNotFoundError, OneStopForm, supplementRequestForm } from '@motcua/forms';
import type { CaseEvent } from '../../domain/case/case.events';

type Opened = Extract<CaseEvent, { type: 'CaseOpened' }>['data'];
type Requested = Extract<CaseEvent, { type: 'SupplementRequested' }>['data'];
type Apologised = Extract<CaseEvent, { type: 'ApologyIssued' }>['data'];

/** A department's supplement request (Mẫu 02, by its id) or the apology letter (Mẫu 04). */
export type CaseFormKind = { form: '02'; requestId: string } | { form: '04' };

/*
 * Processing holds no personal data and no catalogue of units: DossierReceived carries the unit
 * and agency codes, the procedure's name and the applicant's HMAC reference only. So the forms
 * name the agency by its code and leave the applicant's line for the desk to fill in by hand.
 */
const procedureOf = (opened: Opened) => ({ code: opened.procedure.code, name: opened.procedure.name });

export function caseSupplementRequestForm(opened: Opened, requested: Requested): OneStopForm {
  return supplementRequestForm({
    issuer: { code: requested.agency || opened.unit },
    code: opened.code,
    procedure: procedureOf(opened),
    missing: requested.missing,
    requestedAt: requested.requestedAt,
    receivedAt: opened.receivedAt,
    sequence: requested.sequence,
    officerId: requested.officerId,
  });
}

export function caseApologyForm(opened: Opened, apology: Apologised): OneStopForm {
  return apologyForm({
    agency: { code: apology.agency },
    code: opened.code,
    procedure: procedureOf(opened),
    receivedAt: opened.receivedAt,
    dueAt: apology.dueAt,
    reason: apology.reason,
    newAppointmentAt: apology.newAppointmentAt,
    issuedAt: apology.issuedAt,
    ...(apology.issuedBy ? { issuedBy: apology.issuedBy } : {}),
  });
}

/** A case's form rebuilt from its stored events, the same on every print. */
export function caseForm(opened: Opened, events: CaseEvent[], kind: CaseFormKind): OneStopForm {
  switch (kind.form) {
    case '02': {
      const requested = events.find((e): e is Extract<CaseEvent, { type: 'SupplementRequested' }> => e.type === 'SupplementRequested' && e.data.requestId === kind.requestId);
      if (!requested) throw new FormNotFoundError('02');
      return caseSupplementRequestForm(opened, requested.data);
    }
    case '04': {
      const apology = events.find((e): e is Extract<CaseEvent, { type: 'ApologyIssued' }> => e.type === 'ApologyIssued');
      if (!apology) throw new FormNotFoundError('04');
      return caseApologyForm(opened, apology.data);
    }
    default:
      return kind satisfies never;
  }
}
