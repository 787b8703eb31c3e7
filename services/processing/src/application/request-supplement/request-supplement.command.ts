import type { OneStopForm } from '@motcua/forms';
import type { Principal } from '@motcua/platform';

/**
 * After reception, a department asks for everything missing in one request; the clock stops
 * until the desk records the applicant's answer. A second request makes the dossier late (766).
 */
export class RequestSupplement {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly missing: string[],
  ) {}
}

export interface SupplementRequest {
  dossierId: string;
  /** The desk quotes it when it records the answer, so the answer resumes this request only. */
  requestId: string;
  /** 1 for the first request of the dossier. */
  sequence: number;
  requestedAt: string;
  status: 'PAUSED';
  /** Mẫu 02 as data; the same form prints at GET /v1/cases/{dossierId}/forms/supplement-requests/{requestId}.pdf. */
  form: OneStopForm;
}
