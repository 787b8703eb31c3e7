import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@motcua/event-store';
import type { OneStopForm } from '@motcua/forms';
import { EVENT_STORE } from '@motcua/messaging';
import { assertDossierAccess, CLOCK, Clock, Principal } from '@motcua/platform';
import { dossierDecider } from '../../domain/dossier/dossier.decider';
import { DossierNotFoundError } from '../../domain/dossier/dossier.errors';
import { dossierCodec, dossierOwner } from '../dossier-stream';
import { DossierFormKind, dossierForm } from './dossier-forms';
import { FormFactsReader } from './form-facts.reader';

/** The desk's forms of a dossier, for whoever may read the dossier (its portal, its unit's officers, ADMIN). */
@Injectable()
export class DossierForms {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly facts: FormFactsReader,
  ) {}

  async form(dossierId: string, caller: Principal, kind: DossierFormKind): Promise<OneStopForm> {
    const events = (await this.store.readStream(dossierId)).map(dossierCodec(this.clock).decode);
    const state = events.reduce(dossierDecider.evolve, dossierDecider.initialState);
    const { submitted } = state;
    if (!submitted) throw new DossierNotFoundError();
    const owner = dossierOwner({ ...state, submitted });
    assertDossierAccess(caller, owner, () => new DossierNotFoundError(), this.clock.now());
    // The unit holding the dossier issues its forms: the successor's name once a reorganisation moved it.
    const [unit, procedure, applicantName] = await Promise.all([
      this.facts.unit(owner.unit),
      this.facts.procedure(submitted.procedureCode, submitted.procedureVersion),
      this.facts.applicantName(submitted.applicantRef),
    ]);
    return dossierForm(events, kind, { unit, procedure, ...(applicantName ? { applicantName } : {}) });
  }
}
