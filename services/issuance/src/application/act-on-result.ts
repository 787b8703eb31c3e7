import { EventStore, handleCommand } from '@motcua/event-store';
import type { Decided, Decider } from '@motcua/event-store';
import { assertDossierAccess } from '@motcua/platform';
import type { Principal } from '@motcua/platform';
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
 * Officers reach only results of the unit that decided (ADMIN anywhere); a portal only those of
 * dossiers it submitted, and any other reads as a result that does not exist.
 */
export function assertCallerOfUnit(caller: Principal, state: ResultState): void {
  if (!state.resolution) throw new ResultNotFoundError();
  assertDossierAccess(caller, state.resolution, () => new ResultNotFoundError());
}

/** A caller's act on a result, checked against the very state the events are appended on. */
export function actOnResult(store: EventStore, dossierId: string, caller: Principal, command: ResultCommand): Promise<Decided<ResultEvent, ResultState>> {
  const guarded: Decider<ResultCommand, ResultEvent, ResultState> = {
    ...resultDecider,
    decide: (toDecide, state) => {
      assertCallerOfUnit(caller, state);
      return resultDecider.decide(toDecide, state);
    },
  };
  return handleCommand(store, dossierId, guarded, resultCodec, command);
}
