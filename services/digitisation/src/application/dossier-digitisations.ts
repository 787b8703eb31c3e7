import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@motcua/event-store';
import type { Decided, Decider } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import type { DossierDigitisationCommand } from '../domain/dossier/dossier-digitisation.commands';
import { dossierDigitisationDecider } from '../domain/dossier/dossier-digitisation.decider';
import { DossierNotKnownError } from '../domain/dossier/dossier-digitisation.errors';
import type { DossierDigitisationEvent } from '../domain/dossier/dossier-digitisation.events';
import type { DossierDigitisationState } from '../domain/dossier/dossier-digitisation.state';
import { DigitisationTablesProjection } from '../projections/digitisation-tables/digitisation-tables.projection';
import { dossierCodec } from './event-streams';

type Guard = (state: DossierDigitisationState) => void;

/**
 * The dossiers' streams: read one, or decide a command on it with its expected version and bring
 * the read tables along. Callers run it inside a transaction (the inbox's, or the request's), so
 * the events and the tables commit together.
 */
@Injectable()
export class DossierDigitisations {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tables: DigitisationTablesProjection,
  ) {}

  async exists(dossierId: string): Promise<boolean> {
    return (await this.store.streamVersion(dossierId)) > 0;
  }

  /** The dossier as its events make it; an unknown dossier is a 404. */
  async load(dossierId: string): Promise<DossierDigitisationState> {
    const { evolve, initialState } = dossierDigitisationDecider;
    const state = (await this.store.readStream(dossierId)).map(dossierCodec.decode).reduce(evolve, initialState);
    if (state.status === 'NONE') throw new DossierNotKnownError();
    return state;
  }

  /**
   * Decides and appends. The guard (an officer's unit, say) is checked against the very state the
   * events are appended on, so a decision re-run after a lost race checks it again.
   */
  async decide(dossierId: string, command: DossierDigitisationCommand, guard?: Guard): Promise<Decided<DossierDigitisationEvent, DossierDigitisationState>> {
    const decider: Decider<DossierDigitisationCommand, DossierDigitisationEvent, DossierDigitisationState> = {
      ...dossierDigitisationDecider,
      decide: (toDecide, state) => {
        guard?.(state);
        return dossierDigitisationDecider.decide(toDecide, state);
      },
    };
    const decided = await handleCommand(this.store, dossierId, decider, dossierCodec, command);
    await this.tables.apply(decided.events);
    return decided;
  }
}
