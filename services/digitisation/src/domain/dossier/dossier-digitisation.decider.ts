import type { Decider } from '@motcua/event-store';
import { assertNever } from '@motcua/platform/errors';
import type { DocumentFacts, DossierDigitisationCommand, HeldDocumentFacts } from './dossier-digitisation.commands';
import { AlreadyScannedError, ComponentNotFoundError, DossierClosedError, DossierNotKnownError, NoPaperResultError, NotPaperError } from './dossier-digitisation.errors';
import { DossierDigitisationEvent, ReceivedComponent, RegisteredComponent } from './dossier-digitisation.events';
import { ComponentState, DossierDigitisationState, evolveDigitisation, initialDigitisationState, isComplete, ResultState } from './dossier-digitisation.state';

type Event = DossierDigitisationEvent;
type State = DossierDigitisationState;

/**
 * The rules of one dossier's digitisation. Pure: what the tables know about documents comes in
 * the command (DocumentFacts), and every instant comes with the command or the event it answers.
 */
export const dossierDigitisationDecider: Decider<DossierDigitisationCommand, Event, State> = {
  initialState: initialDigitisationState,
  evolve: evolveDigitisation,
  decide(command, state) {
    switch (command.type) {
      case 'OpenDigitisation': {
        // Kafka may deliver DossierReceived again after a crash: the inbox dedupes, and so does this.
        if (state.status !== 'NONE') return [];
        const { received, facts } = command;
        const components = received.components.map((c) => register(c, facts, received.applicantRef));
        const opened: Event = {
          type: 'DigitisationOpened',
          data: {
            dossierId: received.dossierId,
            code: received.code,
            unit: received.unit,
            agencies: received.procedure.agencies,
            applicantRef: received.applicantRef,
            channel: received.channel,
            openedAt: received.receivedAt,
            components,
            ...(received.portal === undefined ? {} : { portal: received.portal }),
          },
        };
        return withCompletion(state, [opened, ...reuseChecks(received.dossierId, received.applicantRef, components, facts, received.receivedAt)], received.receivedAt);
      }
      case 'AddComponents': {
        // Supplied before reception: DossierReceived carries the components as supplemented.
        if (state.status === 'NONE' || !state.dossier) return [];
        const dossier = state.dossier;
        const at = command.at.toISOString();
        const components = command.components.map((c) => register(c, command.facts, dossier.applicantRef));
        const added: Event = { type: 'ComponentsSupplemented', data: { dossierId: dossier.dossierId, supplementedAt: at, components } };
        return withCompletion(state, [added, ...reuseChecks(dossier.dossierId, dossier.applicantRef, components, command.facts, at)], at);
      }
      case 'ScanComponent': {
        const dossier = known(state);
        const component = scannableComponent(state, command.componentId);
        if (component.status === 'DIGITISED') {
          // The same scan sent again (an answer lost on the way) changes nothing; other content is a conflict.
          if (component.sha256 === command.sha256) return [];
          throw new AlreadyScannedError('component');
        }
        const { documentId, sha256, pages, officerId } = command;
        const at = command.at.toISOString();
        const scanned: Event = { type: 'ComponentDigitised', data: { dossierId: dossier.dossierId, componentId: component.componentId, documentId, digitisedAt: at, pages, officerId, sha256 } };
        return withCompletion(state, [scanned], at);
      }
      case 'CloseDigitisation': {
        // A withdrawal before reception leaves nothing to close; one delivered again changes nothing.
        if (state.status === 'NONE' || !state.dossier || state.closedAt) return [];
        return [{ type: 'DigitisationClosed', data: { dossierId: state.dossier.dossierId, closedAt: command.at.toISOString() } }];
      }
      case 'TransferDigitisation': {
        // Transferred before reception, the dossier never came here (its reception names the
        // successor); a transfer delivered again finds the dossier at the successor already.
        const t = command.transfer;
        if (!state.dossier || state.dossier.unit !== t.fromUnit) return [];
        const { dossierId, transferredAt, fromUnit, toUnit, reorganisationId, effectiveAt, transitionEndsAt } = t;
        return [{ type: 'DigitisationTransferred', data: { dossierId, transferredAt, fromUnit, toUnit, reorganisationId, effectiveAt, transitionEndsAt } }];
      }
      case 'AwaitPaperResult': {
        const dossier = known(state);
        if (state.result) return [];
        return [{ type: 'PaperResultAwaited', data: { dossierId: dossier.dossierId, documentNumber: command.documentNumber, issuedAt: command.at.toISOString() } }];
      }
      case 'FileElectronicResult': {
        const dossier = known(state);
        // An e-result whose file is not held here cannot go to the repository; issuance signed it elsewhere.
        if (state.result || !command.held) return [];
        return [{ type: 'ElectronicResultFiled', data: { dossierId: dossier.dossierId, documentId: command.documentId, filedAt: command.at.toISOString() } }];
      }
      case 'ScanResult': {
        const dossier = known(state);
        const result = scannableResult(state);
        if (result.status === 'DIGITISED') {
          if (result.sha256 === command.sha256) return [];
          throw new AlreadyScannedError('result');
        }
        const { documentId, sha256, pages, officerId } = command;
        return [{ type: 'ResultDigitised', data: { dossierId: dossier.dossierId, documentId, digitisedAt: command.at.toISOString(), pages, officerId, sha256 } }];
      }
      default:
        return assertNever(command);
    }
  },
};

/**
 * The component a scan may be for: a paper one awaiting its scan (unless the dossier was
 * withdrawn), or one already scanned (the same scan again is answered as before). Checked before
 * the file is read, and again in the decision.
 */
export function scannableComponent(state: State, componentId: string): ComponentState {
  known(state);
  const component = state.components.find((c) => c.componentId === componentId);
  if (!component) throw new ComponentNotFoundError();
  if (component.status !== 'AWAITING_SCAN' && component.status !== 'DIGITISED') throw new NotPaperError(component.status);
  if (component.status === 'AWAITING_SCAN' && state.closedAt) throw new DossierClosedError();
  return component;
}

/** The paper result a scan may be for. */
export function scannableResult(state: State): Extract<ResultState, { form: 'PAPER' }> {
  known(state);
  if (state.result?.form !== 'PAPER') throw new NoPaperResultError();
  if (state.result.status === 'AWAITING_SCAN' && state.closedAt) throw new DossierClosedError();
  return state.result;
}

function known(state: State): NonNullable<State['dossier']> {
  if (state.status === 'NONE' || !state.dossier) throw new DossierNotKnownError();
  return state.dossier;
}

function register(component: ReceivedComponent, facts: DocumentFacts, applicantRef: string): RegisteredComponent {
  return component.provenance === 'ELECTRONIC' ? { ...component, sha256: uploadedFor(applicantRef, facts.held.get(component.documentId)) } : component;
}

/**
 * An electronic reference counts only for an upload not yet filed under another applicant: a scan,
 * a result or another applicant's upload is not the applicant's to name, and shows as not found
 * (like an unknown id, so the answer says nothing about others' documents).
 */
function uploadedFor(applicantRef: string, document: HeldDocumentFacts | undefined): string | null {
  if (!document || document.origin !== 'UPLOAD') return null;
  return document.filedUnder === undefined || document.filedUnder === applicantRef ? document.sha256 : null;
}

/** A reuse reference counts only for a document of this applicant's repository (766 §4.3). */
function reuseChecks(dossierId: string, applicantRef: string, components: RegisteredComponent[], facts: DocumentFacts, at: string): Event[] {
  return components.flatMap((component): Event[] => {
    if (component.provenance !== 'REUSED') return [];
    const { componentId, repositoryDocumentId } = component;
    const owner = facts.owners.get(repositoryDocumentId);
    if (owner === applicantRef) return [{ type: 'DocumentReused', data: { dossierId, componentId, repositoryDocumentId, reusedAt: at } }];
    const reason = owner === undefined ? 'NOT_FOUND' : 'NOT_OWNED_BY_APPLICANT';
    return [{ type: 'ReuseRefused', data: { dossierId, componentId, repositoryDocumentId, refusedAt: at, reason } }];
  });
}

/** The dossier is digitised at the moment its last component reaches electronic form. */
function withCompletion(state: State, events: Event[], at: string): Event[] {
  const after = events.reduce(evolveDigitisation, state);
  if (after.digitised || !isComplete(after) || !after.dossier) return events;
  return [...events, { type: 'DossierDigitised', data: { dossierId: after.dossier.dossierId, digitisedAt: at, components: after.components.length } }];
}
