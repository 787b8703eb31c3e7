import { assertNever } from '@motcua/platform/errors';
import { DigitisationOpenedData, DossierDigitisationEvent, RegisteredComponent } from './dossier-digitisation.events';

/**
 * Where a component stands. In electronic form: ELECTRONIC (uploaded and held here), DIGITISED
 * (scanned), REUSED (a repository document). Not: AWAITING_SCAN (paper), DOCUMENT_NOT_FOUND (an
 * electronic reference to no upload held here that the applicant may name: unknown, a scan or a
 * result, or filed under another applicant), REUSE_PENDING / REUSE_REFUSED.
 */
export type ComponentStatus = 'ELECTRONIC' | 'DOCUMENT_NOT_FOUND' | 'AWAITING_SCAN' | 'DIGITISED' | 'REUSE_PENDING' | 'REUSED' | 'REUSE_REFUSED';

export interface ComponentState {
  componentId: string;
  name: string;
  provenance: RegisteredComponent['provenance'];
  status: ComponentStatus;
  /** The document that holds the component in electronic form (uploaded, scanned or reused). */
  documentId?: string;
  sha256?: string;
  pages?: number;
  officerId?: string;
  digitisedAt?: string;
  refusal?: string;
}

export type ResultState =
  | { form: 'PAPER'; documentNumber: string; issuedAt: string; status: 'AWAITING_SCAN' | 'DIGITISED'; documentId?: string; sha256?: string; pages?: number; officerId?: string; digitisedAt?: string }
  | { form: 'ELECTRONIC'; documentId: string };

/** The unit a transfer took the dossier from, whose officers still act on it until `until`. */
export interface FormerDossierUnit {
  unit: string;
  until: string;
}

export interface DossierDigitisationState {
  status: 'NONE' | 'OPEN';
  /** `unit` is the unit holding the dossier now: the receiving one, or its successor after a transfer. */
  dossier?: Omit<DigitisationOpenedData, 'components' | 'openedAt'>;
  former?: FormerDossierUnit;
  components: ComponentState[];
  /** True from DossierDigitised until a supplement brings a component not yet electronic. */
  digitised: boolean;
  digitisedAt?: string;
  /** When the dossier was withdrawn: no scan is taken after it. */
  closedAt?: string;
  result?: ResultState;
}

export const initialDigitisationState: DossierDigitisationState = { status: 'NONE', components: [], digitised: false };

const ELECTRONIC_FORM: ReadonlySet<ComponentStatus> = new Set(['ELECTRONIC', 'DIGITISED', 'REUSED']);

export const inElectronicForm = (component: ComponentState) => ELECTRONIC_FORM.has(component.status);

/** Every component exists in electronic form. */
export const isComplete = (state: DossierDigitisationState) => state.status === 'OPEN' && state.components.every(inElectronicForm);

/** A component's state as received or supplemented, before any scan or reuse check. */
export function registered(component: RegisteredComponent): ComponentState {
  const { componentId, name, provenance } = component;
  switch (component.provenance) {
    case 'ELECTRONIC':
      return component.sha256
        ? { componentId, name, provenance, status: 'ELECTRONIC', documentId: component.documentId, sha256: component.sha256 }
        : { componentId, name, provenance, status: 'DOCUMENT_NOT_FOUND', documentId: component.documentId };
    case 'PAPER':
      return { componentId, name, provenance, status: 'AWAITING_SCAN' };
    case 'REUSED':
      return { componentId, name, provenance, status: 'REUSE_PENDING', documentId: component.repositoryDocumentId };
    default:
      return assertNever(component);
  }
}

/** A supplement replaces the component of the same id and adds the others, in order. */
function supplemented(current: ComponentState[], added: RegisteredComponent[]): ComponentState[] {
  const replacements = new Map(added.map((c) => [c.componentId, registered(c)]));
  const kept = current.map((c) => replacements.get(c.componentId) ?? c);
  const known = new Set(current.map((c) => c.componentId));
  return [...kept, ...added.filter((c) => !known.has(c.componentId)).map(registered)];
}

function updateComponent(state: DossierDigitisationState, componentId: string, change: Partial<ComponentState>): DossierDigitisationState {
  return { ...state, components: state.components.map((c) => (c.componentId === componentId ? { ...c, ...change } : c)) };
}

export function evolveDigitisation(state: DossierDigitisationState, event: DossierDigitisationEvent): DossierDigitisationState {
  switch (event.type) {
    case 'DigitisationOpened': {
      const { components, openedAt: _openedAt, ...dossier } = event.data;
      return { ...state, status: 'OPEN', dossier, components: components.map(registered) };
    }
    case 'ComponentsSupplemented': {
      const next = { ...state, components: supplemented(state.components, event.data.components) };
      return { ...next, digitised: state.digitised && next.components.every(inElectronicForm) };
    }
    case 'DocumentReused':
      return updateComponent(state, event.data.componentId, { status: 'REUSED', documentId: event.data.repositoryDocumentId });
    case 'ReuseRefused':
      return updateComponent(state, event.data.componentId, { status: 'REUSE_REFUSED', refusal: event.data.reason });
    case 'ComponentDigitised': {
      const { documentId, sha256, pages, officerId, digitisedAt } = event.data;
      return updateComponent(state, event.data.componentId, { status: 'DIGITISED', documentId, sha256, pages, officerId, digitisedAt });
    }
    case 'DossierDigitised':
      return { ...state, digitised: true, digitisedAt: event.data.digitisedAt };
    case 'DigitisationClosed':
      return { ...state, closedAt: event.data.closedAt };
    case 'DigitisationTransferred':
      if (!state.dossier) return state;
      return { ...state, dossier: { ...state.dossier, unit: event.data.toUnit }, former: { unit: event.data.fromUnit, until: event.data.transitionEndsAt } };
    case 'PaperResultAwaited':
      return { ...state, result: { form: 'PAPER', documentNumber: event.data.documentNumber, issuedAt: event.data.issuedAt, status: 'AWAITING_SCAN' } };
    case 'ElectronicResultFiled':
      return { ...state, result: { form: 'ELECTRONIC', documentId: event.data.documentId } };
    case 'ResultDigitised': {
      if (state.result?.form !== 'PAPER') return state;
      const { documentId, sha256, pages, officerId, digitisedAt } = event.data;
      return { ...state, result: { ...state.result, status: 'DIGITISED', documentId, sha256, pages, officerId, digitisedAt } };
    }
    default:
      return assertNever(event);
  }
}
