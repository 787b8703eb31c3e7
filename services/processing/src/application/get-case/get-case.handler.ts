import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import type { CaseState } from '../../domain/case/case.state';
import { assertOfficerOfCurrentStep, loadCase } from '../act-on-case';
import { CaseView, GetCase } from './get-case.query';

@QueryHandler(GetCase)
export class GetCaseHandler implements IQueryHandler<GetCase, CaseView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer }: GetCase): Promise<CaseView> {
    const state = await loadCase(this.store, this.clock, dossierId);
    assertOfficerOfCurrentStep(officer, state, this.clock.now());
    return toView(state);
  }
}

/** What officers see: the case's standing, without the applicant reference or the components. */
export function toView(state: CaseState): CaseView {
  const opened = state.opened as NonNullable<CaseState['opened']>;
  const { procedure } = opened;
  return {
    dossierId: opened.dossierId,
    code: opened.code,
    procedure: { code: procedure.code, version: procedure.version, name: procedure.name, agencies: procedure.agencies },
    status: state.status as CaseView['status'],
    step: state.step,
    agency: state.agency ?? opened.unit,
    department: state.department ?? null,
    officerId: state.officerId ?? null,
    receivedAt: opened.receivedAt,
    dueAt: state.dueAt ?? opened.dueAt,
    pause: state.pause ? { reason: state.pause.reason, since: state.pause.from, supplementRequestId: state.pendingSupplementRequestId ?? null } : null,
    pausedWorkingMinutes: Math.round(state.pausedWorkingMinutes),
    agencyShares: state.agencyShares,
    pauses: state.pastPauses,
    dueChanges: state.dueChanges,
    supplementRequests: state.supplementRequests,
    apology: state.apology ?? null,
    paymentOverdue: state.paymentOverdue ?? null,
    resolution: state.resolution ?? null,
    stop: state.stop ?? null,
  };
}
