import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import type { Principal } from '@motcua/platform';
import { DossierStatus, holderOf } from '../../domain/dossier/dossier.state';
import { loadDossier } from '../dossier-stream';
import { ComponentView, componentsView, SupplementView, supplementsView } from './dossier-components.view';

/** The desk's view of one dossier; the whole life across services is the projections' timeline. */
export class ViewDossier {
  constructor(
    readonly dossierId: string,
    readonly caller: Principal,
  ) {}
}

export interface DossierView {
  dossierId: string;
  code: string;
  status: Exclude<DossierStatus, 'NONE'>;
  unit: string;
  channel: 'ONLINE' | 'COUNTER' | 'POSTAL';
  procedure: { code: string; version: number };
  submittedAt: string;
  /** Every component taken, as submitted and as supplemented, each with the act that brought it. */
  components: ComponentView[];
  supplements: SupplementView[];
  /** What a department asked the applicant to bring, while the desk waits for it. */
  awaitedSupplement?: { requestId: string; missing: string[] };
}

@QueryHandler(ViewDossier)
export class ViewDossierHandler implements IQueryHandler<ViewDossier, DossierView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, caller }: ViewDossier): Promise<DossierView> {
    const state = await loadDossier(this.store, dossierId, caller, this.clock.now());
    const submitted = state.submitted as NonNullable<typeof state.submitted>;
    return {
      dossierId,
      code: submitted.code,
      status: state.status as DossierView['status'],
      unit: holderOf({ ...state, submitted }),
      channel: submitted.channel,
      procedure: { code: submitted.procedureCode, version: submitted.procedureVersion },
      submittedAt: submitted.submittedAt,
      components: componentsView(state),
      supplements: supplementsView(state),
      ...(state.awaitedSupplement ? { awaitedSupplement: state.awaitedSupplement } : {}),
    };
  }
}
