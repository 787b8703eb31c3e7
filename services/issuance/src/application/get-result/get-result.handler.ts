import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { expectsElectronic, isNoticeOnly, ResultState } from '../../domain/result/result.state';
import { assertMay, loadResult } from '../act-on-result';
import { GetResult, ResultView } from './get-result.query';

@QueryHandler(GetResult)
export class GetResultHandler implements IQueryHandler<GetResult, ResultView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, caller }: GetResult): Promise<ResultView> {
    const state = await loadResult(this.store, dossierId);
    assertMay(caller, state, 'READ', this.clock.now());
    return toView(state);
  }
}

/** Rebuilt from the stream, so never behind it; the applicant reference is not shown. */
export function toView(state: ResultState): ResultView {
  const r = state.resolution as NonNullable<ResultState['resolution']>;
  const result = state.issued?.result;
  return {
    dossierId: r.dossierId,
    code: r.code,
    status: state.status as ResultView['status'],
    outcome: r.outcome,
    unit: r.unit,
    issuer: r.issuer,
    procedure: { code: r.procedureCode, version: r.procedureVersion },
    resolvedAt: r.resolvedAt,
    deliveryPreference: r.delivery,
    eResultAllowed: r.eResultAllowed,
    awaiting: awaiting(state),
    resultDocument: r.resultDocument && { documentId: r.resultDocument.documentId, name: r.resultDocument.name },
    electronic:
      result?.form === 'ELECTRONIC' && state.issued?.manifest
        ? { documentId: result.documentId, sha256: result.sha256, keyId: result.keyId, algorithm: result.algorithm, signature: result.signature, manifest: state.issued.manifest }
        : null,
    paper: result?.form === 'PAPER' ? { documentNumber: result.documentNumber } : null,
    issuedAt: state.issued?.issuedAt ?? null,
    blocked: state.blocked ? { reason: state.blocked.reason, documentId: state.blocked.documentId, since: state.blocked.blockedAt } : null,
    switchedToPaper: state.switchedToPaper ?? null,
    delivered: state.delivered ?? null,
    history: state.history,
  };
}

function awaiting(state: ResultState): ResultView['awaiting'] {
  switch (state.status) {
    case 'RESOLVED':
      if (isNoticeOnly(state)) return 'DELIVERY';
      return expectsElectronic(state) ? 'DOCUMENT' : 'PAPER_RESULT';
    case 'BLOCKED':
      return 'OFFICER_REVIEW';
    case 'ISSUED':
      return 'DELIVERY';
    default:
      return null;
  }
}
