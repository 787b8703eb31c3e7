import type { OneStopForm } from '@motcua/forms';
import type { Principal } from '@motcua/platform';

/**
 * A leader who sees in time that the due date will be missed issues the apology letter with a
 * new appointment (Mẫu 04), at most once per dossier. It never moves the due date.
 */
export class IssueApology {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly reason: string,
  ) {}
}

export interface ApologyLetter {
  dossierId: string;
  issuedAt: string;
  dueAt: string;
  newAppointmentAt: string;
  /** Mẫu 04 as data; the same form prints at GET /v1/cases/{dossierId}/forms/apology.pdf. */
  form: OneStopForm;
}
