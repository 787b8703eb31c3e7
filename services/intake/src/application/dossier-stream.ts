import { randomUUID } from 'node:crypto';
import { EventStore, handleCommand } from '@motcua/event-store';
import type { EventCodec, RecordedEvent } from '@motcua/event-store';
import { assertDossierAccess } from '@motcua/platform';
import type { Clock, DossierOwner, Principal } from '@motcua/platform';
import type { DossierCommand } from '../domain/dossier/dossier.commands';
import { dossierDecider } from '../domain/dossier/dossier.decider';
import { DossierNotFoundError } from '../domain/dossier/dossier.errors';
import type { DossierEvent } from '../domain/dossier/dossier.events';
import { DossierState, holderOf } from '../domain/dossier/dossier.state';

/** How dossier events are stored: the integration shape, keyed by the dossier, with domain time. */
export function dossierCodec(clock: Clock): EventCodec<DossierEvent> {
  return {
    encode: (event) => ({ id: randomUUID(), type: event.type, data: event.data, metadata: { subject: event.data.dossierId, time: clock.now().toISOString() } }),
    decode: decodeDossierEvent,
  };
}

const decodeDossierEvent = (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as DossierEvent;

/**
 * An act on a dossier: load it, check the caller may reach it (loadDossier), build
 * the command from what the dossier is, and decide and append with its version (a lost race is
 * decided again, so the loser gets the domain's answer).
 */
export async function actOnDossier(
  store: EventStore,
  clock: Clock,
  dossierId: string,
  officer: Principal,
  build: (state: DossierState) => DossierCommand | Promise<DossierCommand>,
): Promise<DossierEvent[]> {
  const state = await loadDossier(store, dossierId, officer, clock.now());
  const { events } = await handleCommand(store, dossierId, dossierDecider, dossierCodec(clock), await build(state));
  return events;
}

/** The dossier as it stands, for a caller entitled to see it (its unit's officers, ADMIN, the portal that submitted it). */
export async function loadDossier(store: EventStore, dossierId: string, caller: Principal, now: Date): Promise<DossierState> {
  const state = (await store.readStream(dossierId)).map(decodeDossierEvent).reduce(dossierDecider.evolve, dossierDecider.initialState);
  if (!state.submitted) throw new DossierNotFoundError();
  assertDossierAccess(caller, dossierOwner({ ...state, submitted: state.submitted }), () => new DossierNotFoundError(), now);
  return state;
}

/** Who may reach a dossier: the unit holding it (and, in the transition window, the one it was moved from) and the portal that submitted it. */
export function dossierOwner(state: DossierState & { submitted: NonNullable<DossierState['submitted']> }): DossierOwner {
  return { unit: holderOf(state), portal: state.submitted.portal, former: state.former };
}
