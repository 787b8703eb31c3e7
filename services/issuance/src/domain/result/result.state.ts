import { assertNever } from '@motcua/platform/errors';
import type { ResultManifest } from '../signature/result-manifest';
import type { IssuedData, Resolution, ResultEvent } from './result.events';

/**
 * NONE: no resolution yet. RESOLVED: decided, the result not issued yet (waiting for its
 * document, or for an officer's paper result). BLOCKED: the document's hash disagrees with the
 * decision's; nothing is signed. ISSUED, then COMPLETED once delivered.
 */
export type ResultStatus = 'NONE' | 'RESOLVED' | 'BLOCKED' | 'ISSUED' | 'COMPLETED';

export interface ResultState {
  status: ResultStatus;
  resolution?: Resolution;
  issued?: { issuedAt: string; result: IssuedData['result']; manifest?: ResultManifest };
  blocked?: { blockedAt: string; documentId: string; reason: string };
  delivered?: { deliveredAt: string; method: string };
}

export const initialResultState: ResultState = { status: 'NONE' };

export function evolveResult(state: ResultState, event: ResultEvent): ResultState {
  switch (event.type) {
    case 'ResolutionNoted':
      return { ...state, status: 'RESOLVED', resolution: event.data };
    case 'IssuanceBlocked':
      return { ...state, status: 'BLOCKED', blocked: { blockedAt: event.data.blockedAt, documentId: event.data.documentId, reason: event.data.reason } };
    case 'ResultIssued':
      return { ...state, status: 'ISSUED', issued: { issuedAt: event.data.issuedAt, result: event.data.result, manifest: event.data.manifest } };
    case 'ResultDelivered':
      return { ...state, delivered: { deliveredAt: event.data.deliveredAt, method: event.data.method } };
    case 'DossierCompleted':
      return { ...state, status: 'COMPLETED' };
    default:
      return assertNever(event);
  }
}

/** Nothing to sign or print: an approval of a procedure that returns no document. */
export function isNoticeOnly(state: ResultState): boolean {
  return state.resolution !== undefined && state.resolution.resultDocument === null;
}

