import { EventStore, handleCommand } from '@motcua/event-store';
import type { Decided, Decider } from '@motcua/event-store';
import { assertDossierAccess, assertUnit, ForbiddenError } from '@motcua/platform';
import type { FormerUnit, Principal } from '@motcua/platform';
import { assertNever } from '@motcua/platform/errors';
import type { ResultCommand } from '../domain/result/result.commands';
import { resultDecider } from '../domain/result/result.decider';
import { ResultNotFoundError } from '../domain/result/result.errors';
import type { ResultEvent } from '../domain/result/result.events';
import type { ResultState } from '../domain/result/result.state';
import { resultCodec } from './result-stream';

/** The dossier's result as its events make it; a dossier not resolved yet is a 404. */
export async function loadResult(store: EventStore, dossierId: string): Promise<ResultState> {
  const state = (await store.readStream(dossierId)).map(resultCodec.decode).reduce(resultDecider.evolve, resultDecider.initialState);
  if (state.status === 'NONE') throw new ResultNotFoundError();
  return state;
}

/**
 * Who acts on a result (Decree 61/2018/NĐ-CP): the deciding agency issues it (signs the e-result,
 * records the printed one, re-issues or switches to paper); the one-stop desk of the receiving
 * unit hands it over. For a single-agency dossier the two are one unit.
 */
export type ResultRole = 'READ' | 'ISSUE' | 'DELIVER';

/**
 * Officers of the issuing and of the receiving unit read the result; the issuing unit's issue
 * it, the receiving unit's deliver it (ADMIN anywhere). After a transfer the successor's officers
 * do, and the merged unit's still may until the transition window ends (`now`, the clock's). A
 * portal reaches only results of dossiers it submitted, and any other reads as a result that does
 * not exist.
 */
export function assertMay(caller: Principal, state: ResultState, role: ResultRole, now: Date): void {
  const resolution = state.resolution;
  if (!resolution) throw new ResultNotFoundError();
  const notFound = () => new ResultNotFoundError();
  const receiving = { unit: resolution.unit, portal: resolution.portal, former: state.former?.unit };
  switch (role) {
    case 'READ':
      if (caller.kind === 'officer' && actsFor(caller.unit, resolution.issuer, state.former?.issuer, now)) return;
      return assertDossierAccess(caller, receiving, notFound, now);
    case 'ISSUE':
      if (caller.kind === 'portal') throw new ForbiddenError('AUTH.ROLE_NOT_ALLOWED', 'Only officers of the deciding agency issue a result');
      return assertUnit(caller, resolution.issuer, state.former?.issuer, now);
    case 'DELIVER':
      return assertDossierAccess(caller, receiving, notFound, now);
    default:
      return assertNever(role);
  }
}

/** The unit, or the one merged into it while its transition window lasts. */
function actsFor(callerUnit: string, unit: string, former: FormerUnit | undefined, now: Date): boolean {
  return callerUnit === unit || (former !== undefined && callerUnit === former.unit && now.getTime() < Date.parse(former.until));
}

/** A caller's act on a result at `now`, checked against the very state the events are appended on. */
export function actOnResult(store: EventStore, dossierId: string, caller: Principal, role: ResultRole, command: ResultCommand, now: Date): Promise<Decided<ResultEvent, ResultState>> {
  const guarded: Decider<ResultCommand, ResultEvent, ResultState> = {
    ...resultDecider,
    decide: (toDecide, state) => {
      assertMay(caller, state, role, now);
      return resultDecider.decide(toDecide, state);
    },
  };
  return handleCommand(store, dossierId, guarded, resultCodec, command);
}
