import type { DossierEvent } from './dossier.events';

/** CONCLUDED: processing resolved or stopped it; what follows (the result) is other services' business. */
export type DossierStatus = 'NONE' | 'SUBMITTED' | 'RETURNED_FOR_SUPPLEMENT' | 'RECEIVED' | 'REJECTED' | 'WITHDRAWN' | 'CONCLUDED';

export interface DossierState {
  status: DossierStatus;
  /** What was submitted: reception builds on it. */
  submitted?: Extract<DossierEvent, { type: 'DossierSubmitted' }>['data'];
  code?: string;
  unit?: string;
  /** Supplements provided before reception (Mẫu 02 returns); they do not touch the legal clock. */
  supplementsBeforeReception: number;
  /** A department's supplement request the desk has not yet answered. */
  awaitedSupplement?: { requestId: string; missing: string[] };
}

export const initialDossierState: DossierState = { status: 'NONE', supplementsBeforeReception: 0 };

export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  switch (event.type) {
    case 'DossierSubmitted':
      return { ...state, status: 'SUBMITTED', submitted: event.data, code: event.data.code, unit: event.data.unit };
    case 'DossierReturnedForSupplement':
      return { ...state, status: 'RETURNED_FOR_SUPPLEMENT' };
    case 'DossierReceived':
      return { ...state, status: 'RECEIVED' };
    case 'DossierRejected':
      return { ...state, status: 'REJECTED' };
    case 'SupplementProvided':
      return state.status === 'RETURNED_FOR_SUPPLEMENT'
        ? { ...state, status: 'SUBMITTED', supplementsBeforeReception: state.supplementsBeforeReception + 1 }
        : { ...state, awaitedSupplement: undefined };
    case 'DossierWithdrawn':
      return { ...state, status: 'WITHDRAWN', awaitedSupplement: undefined };
    case 'SupplementAwaited':
      return { ...state, awaitedSupplement: { requestId: event.data.requestId, missing: event.data.missing } };
    case 'ProcessingConcluded':
      return { ...state, status: 'CONCLUDED', awaitedSupplement: undefined };
    default:
      return assertNever(event);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
