import type { DossierEvent } from './dossier.events';

export type DossierStatus = 'NONE' | 'SUBMITTED' | 'RETURNED_FOR_SUPPLEMENT' | 'RECEIVED' | 'REJECTED' | 'WITHDRAWN';

export interface DossierState {
  status: DossierStatus;
  /** What was submitted: reception builds on it. */
  submitted?: Extract<DossierEvent, { type: 'DossierSubmitted' }>['data'];
  code?: string;
  unit?: string;
  /** Supplements provided before reception (Mẫu 02 returns); they do not touch the legal clock. */
  supplementsBeforeReception: number;
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
        : state;
    case 'DossierWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    default:
      return assertNever(event);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
