import type { FormerUnit } from '@motcua/platform';
import { assertNever } from '@motcua/platform/errors';
import type { DossierEvent } from './dossier.events';

/** CONCLUDED: processing resolved or stopped it; what follows (the result) is other services' business. */
export type DossierStatus = 'NONE' | 'SUBMITTED' | 'RETURNED_FOR_SUPPLEMENT' | 'RECEIVED' | 'REJECTED' | 'WITHDRAWN' | 'CONCLUDED';

export interface DossierState {
  status: DossierStatus;
  /** What was submitted: reception builds on it. */
  submitted?: Extract<DossierEvent, { type: 'DossierSubmitted' }>['data'];
  /** The components as submitted and then supplemented (a supplement replaces a component of the same id). */
  components: Component[];
  code?: string;
  /** The unit that holds the dossier: the receiving unit, or its successor after a reorganisation. */
  unit?: string;
  /** The unit it was transferred from, whose officers may act until the transition window ends. */
  former?: FormerUnit;
  /** How processing ended (CONCLUDED only), and whether the result has been delivered since. */
  concluded?: 'RESOLVED' | 'STOPPED';
  completed: boolean;
  /** Supplements provided before reception (Mẫu 02 returns); they do not touch the legal clock. */
  supplementsBeforeReception: number;
  /** Every supplement the desk took, in order, with what it brought: the desk shows where each component came from. */
  supplements: Supplement[];
  /** A department's supplement request the desk has not yet answered. */
  awaitedSupplement?: { requestId: string; missing: string[] };
}

export const initialDossierState: DossierState = { status: 'NONE', components: [], supplementsBeforeReception: 0, supplements: [], completed: false };
type Component = Extract<DossierEvent, { type: 'DossierSubmitted' }>['data']['components'][number];

export interface Supplement {
  /** 1 for the dossier's first supplement, before or after reception. */
  sequence: number;
  providedAt: string;
  /** The department's request it answered; absent for a return at reception (Mẫu 02). */
  requestId?: string;
  beforeReception: boolean;
  components: Component[];
}

/** The unit holding a submitted dossier: the receiving unit, or its successor once a reorganisation moved it. */
export function holderOf(state: DossierState & { submitted: NonNullable<DossierState['submitted']> }): string {
  return state.unit ?? state.submitted.unit;
}

export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  switch (event.type) {
    case 'DossierSubmitted':
      return { ...state, status: 'SUBMITTED', submitted: event.data, components: event.data.components, code: event.data.code, unit: event.data.unit };
    case 'DossierReturnedForSupplement':
      return { ...state, status: 'RETURNED_FOR_SUPPLEMENT' };
    case 'DossierReceived':
      return { ...state, status: 'RECEIVED' };
    case 'DossierRejected':
      return { ...state, status: 'REJECTED' };
    case 'SupplementProvided': {
      const components = supplemented(state.components, event.data.components);
      const beforeReception = state.status === 'RETURNED_FOR_SUPPLEMENT';
      const { providedAt, requestId } = event.data;
      const supplements = [...state.supplements, { sequence: state.supplements.length + 1, providedAt, ...(requestId ? { requestId } : {}), beforeReception, components: event.data.components }];
      return beforeReception
        ? { ...state, components, supplements, status: 'SUBMITTED', supplementsBeforeReception: state.supplementsBeforeReception + 1 }
        : { ...state, components, supplements, awaitedSupplement: undefined };
    }
    case 'DossierWithdrawn':
      return { ...state, status: 'WITHDRAWN', awaitedSupplement: undefined };
    case 'SupplementAwaited':
      return { ...state, awaitedSupplement: { requestId: event.data.requestId, missing: event.data.missing } };
    case 'ProcessingConcluded':
      return { ...state, status: 'CONCLUDED', concluded: event.data.how, awaitedSupplement: undefined };
    case 'CompletionNoted':
      return { ...state, completed: true };
    case 'DossierTransferred':
      return { ...state, unit: event.data.toUnit, former: { unit: event.data.fromUnit, until: event.data.transitionEndsAt } };
    default:
      return assertNever(event);
  }
}

function supplemented(current: Component[], brought: Component[]): Component[] {
  const ids = new Set(brought.map((c) => c.componentId));
  return [...current.filter((c) => !ids.has(c.componentId)), ...brought];
}

