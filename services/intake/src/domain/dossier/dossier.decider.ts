import { assertNever } from '@motcua/platform/errors';
import type { DossierCommand, Reception } from './dossier.commands';
import { DossierAlreadyExistsError, DossierAlreadyReceivedError, DossierClosedError, DossierNotFoundError, IllegalTransitionError, NoSupplementAwaitedError } from './dossier.errors';
import type { DossierEvent } from './dossier.events';
import { DossierState, DossierStatus, evolveDossier, holderOf, initialDossierState } from './dossier.state';

const CLOSED: DossierStatus[] = ['REJECTED', 'WITHDRAWN', 'CONCLUDED'];

/** The reception desk's rules for one dossier: decide(command, state) → events, or a typed error. */
export function decideDossier(command: DossierCommand, state: DossierState): DossierEvent[] {
  // Processing's news is a fact, not a request: it is recorded where it still matters and
  // otherwise dropped, never refused (a refusal would only dead-letter it). Intake takes every
  // dossier there is, so news of one it never took belongs to another deployment on the broker.
  if (command.type === 'AwaitSupplement') {
    const already = state.awaitedSupplement?.requestId === command.awaited.requestId;
    return state.status === 'RECEIVED' && !already ? [{ type: 'SupplementAwaited', data: command.awaited }] : [];
  }
  if (command.type === 'NoteConclusion') {
    return state.status === 'RECEIVED' ? [{ type: 'ProcessingConcluded', data: command.concluded }] : [];
  }
  if (command.type === 'NoteCompletion') {
    return state.status === 'CONCLUDED' && !state.completed ? [{ type: 'CompletionNoted', data: command.completed }] : [];
  }
  if (command.type === 'Transfer') {
    const { transfer } = command;
    if (!state.submitted || !state.code || state.unit !== transfer.fromUnit || !inFlight(state)) return [];
    return [{ type: 'DossierTransferred', data: { dossierId: state.submitted.dossierId, code: state.code, ...transfer } }];
  }
  if (command.type === 'SubmitOnline' || command.type === 'RegisterAtDesk') {
    if (state.status !== 'NONE') throw new DossierAlreadyExistsError();
  } else if (state.status === 'NONE') {
    throw new DossierNotFoundError();
  }
  if (CLOSED.includes(state.status)) throw new DossierClosedError(state.status);

  switch (command.type) {
    case 'SubmitOnline':
      return [{ type: 'DossierSubmitted', data: command.submitted }];
    case 'RegisterAtDesk':
      // Counter and postal dossiers are submitted and received by one officer's act.
      return [
        { type: 'DossierSubmitted', data: command.submitted },
        { type: 'DossierReceived', data: receivedFrom(command.submitted, command.submitted.components, command) },
      ];
    case 'Receive':
      if (state.status === 'RECEIVED') throw new DossierAlreadyReceivedError();
      if (state.status !== 'SUBMITTED' || !state.submitted) throw new IllegalTransitionError('Receive', state.status);
      return [{ type: 'DossierReceived', data: { ...receivedFrom(state.submitted, state.components, command), unit: holderOf({ ...state, submitted: state.submitted }) } }];
    case 'ReturnForSupplement':
      if (state.status !== 'SUBMITTED') throw new IllegalTransitionError('ReturnForSupplement', state.status);
      return [{ type: 'DossierReturnedForSupplement', data: command.returned }];
    case 'Reject':
      if (state.status !== 'SUBMITTED' && state.status !== 'RETURNED_FOR_SUPPLEMENT') throw new IllegalTransitionError('Reject', state.status);
      return [{ type: 'DossierRejected', data: command.rejected }];
    case 'ProvideSupplement':
      // Before reception: answers a Mẫu 02 return. After reception: answers the department's
      // pending request, named so processing resumes the right pause.
      if (state.status === 'RETURNED_FOR_SUPPLEMENT') return [{ type: 'SupplementProvided', data: command.provided }];
      if (state.status !== 'RECEIVED') throw new IllegalTransitionError('ProvideSupplement', state.status);
      if (!state.awaitedSupplement) throw new NoSupplementAwaitedError();
      return [{ type: 'SupplementProvided', data: { ...command.provided, requestId: state.awaitedSupplement.requestId } }];
    case 'Withdraw':
      return [{ type: 'DossierWithdrawn', data: command.withdrawn }];
    default:
      return assertNever(command);
  }
}

/**
 * Still on its way to the applicant: waiting at the desk, in processing, or resolved with the
 * result not yet delivered. A reorganisation moves only these; a finished dossier keeps the unit
 * that finished it.
 */
export function inFlight(state: DossierState): boolean {
  if (state.status === 'CONCLUDED') return state.concluded === 'RESOLVED' && !state.completed;
  return state.status === 'SUBMITTED' || state.status === 'RETURNED_FOR_SUPPLEMENT' || state.status === 'RECEIVED';
}

/** DossierReceived repeats what was submitted, with the components as supplemented, and the reception facts. */
function receivedFrom(submitted: NonNullable<DossierState['submitted']>, components: DossierState['components'], command: Reception): Extract<DossierEvent, { type: 'DossierReceived' }>['data'] {
  return {
    dossierId: submitted.dossierId,
    code: submitted.code,
    receivedAt: command.receivedAt,
    dueAt: command.dueAt,
    channel: submitted.channel,
    unit: submitted.unit,
    applicantRef: submitted.applicantRef,
    components,
    delivery: submitted.delivery,
    procedure: command.procedure,
    officerId: command.officerId,
    ...(submitted.portal === undefined ? {} : { portal: submitted.portal }),
    calendar: command.calendar,
  };
}

export const dossierDecider = { initialState: initialDossierState, evolve: evolveDossier, decide: decideDossier };
