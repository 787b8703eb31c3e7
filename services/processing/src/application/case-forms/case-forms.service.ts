import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@motcua/event-store';
import type { OneStopForm } from '@motcua/forms';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, Principal } from '@motcua/platform';
import { CaseNotFoundError } from '../../domain/case/case.errors';
import { evolveCase, initialCaseState } from '../../domain/case/case.state';
import { assertOfficerOfCurrentStep } from '../act-on-case';
import { caseCodec } from '../case-stream';
import { CaseFormKind, caseForm } from './case-forms';

/** A case's forms, for the officers who may read the case (its current step's agency, ADMIN). */
@Injectable()
export class CaseForms {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async form(dossierId: string, officer: Principal, kind: CaseFormKind): Promise<OneStopForm> {
    const events = (await this.store.readStream(dossierId)).map(caseCodec(this.clock).decode);
    const state = events.reduce(evolveCase, initialCaseState);
    if (!state.opened) throw new CaseNotFoundError();
    assertOfficerOfCurrentStep(officer, state, this.clock.now());
    return caseForm(state.opened, events, kind);
  }
}
