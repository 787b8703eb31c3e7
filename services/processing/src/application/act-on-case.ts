import { WorkingCalendar } from '@motcua/calendar';
import { EventStore, handleCommand } from '@motcua/event-store';
import type { Decided, Decider } from '@motcua/event-store';
import { assertUnit, ForbiddenError } from '@motcua/platform';
import type { Clock, Principal } from '@motcua/platform';
import type { CaseCommand } from '../domain/case/case.commands';
import { caseDecider } from '../domain/case/case.decider';
import { CaseNotFoundError } from '../domain/case/case.errors';
import type { CaseEvent } from '../domain/case/case.events';
import type { CaseState } from '../domain/case/case.state';
import { caseCodec } from './case-stream';

const decider = caseDecider(new WorkingCalendar());

/** The case as its events make it; an unknown dossier is a 404. */
export async function loadCase(store: EventStore, clock: Clock, dossierId: string): Promise<CaseState> {
  const codec = caseCodec(clock);
  const state = (await store.readStream(dossierId)).map(codec.decode).reduce(decider.evolve, decider.initialState);
  if (state.status === 'NONE') throw new CaseNotFoundError();
  return state;
}

/** Officers see and act on a case only while its current step is at their unit (ADMIN anywhere). */
export function assertOfficerOfCurrentStep(officer: Principal, state: CaseState, now: Date): void {
  if (state.status === 'NONE' || !state.opened) throw new CaseNotFoundError();
  // After a reorganisation the merged unit's officers keep the case until the transition window ends.
  assertUnit(officer, state.agency ?? state.opened.unit, state.former, now);
}

/**
 * Acting goes further than seeing: a PROCESSING_OFFICER acts only on a step held by them or by
 * no one yet; a LEADER hands the step out within the agency, so takes any of its cases.
 */
export function assertMayActOnCase(officer: Principal, state: CaseState, now: Date): void {
  assertOfficerOfCurrentStep(officer, state, now);
  if (officer.role === 'PROCESSING_OFFICER' && state.officerId !== undefined && state.officerId !== officer.id) {
    throw new ForbiddenError('CASE.ASSIGNED_TO_ANOTHER', 'The current step of this case is assigned to another officer');
  }
}

/**
 * An officer's act on a case: the officer is checked against the agency of the current step and
 * its assignment inside the decision, against the very state the events are appended on. A hand-off that wins a
 * race therefore takes the case out of the loser's reach: the re-decision refuses them.
 */
export async function actOnCase(store: EventStore, clock: Clock, dossierId: string, officer: Principal, command: CaseCommand): Promise<Decided<CaseEvent, CaseState>> {
  const guarded: Decider<CaseCommand, CaseEvent, CaseState> = {
    ...decider,
    decide: (toDecide, state) => {
      assertMayActOnCase(officer, state, clock.now());
      return decider.decide(toDecide, state);
    },
  };
  return handleCommand(store, dossierId, guarded, caseCodec(clock), command);
}

type CaseEventData = { [E in CaseEvent as E['type']]: E['data'] };

/** The data of the event an act was bound to produce. */
export function dataOf<T extends CaseEvent['type']>(events: CaseEvent[], type: T): CaseEventData[T] {
  const event = events.find((e) => e.type === type);
  if (!event) throw new Error(`the decision produced no ${type}`);
  return event.data as CaseEventData[T];
}
