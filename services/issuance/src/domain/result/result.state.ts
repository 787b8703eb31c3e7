import { assertNever } from '@motcua/platform/errors';
import type { ResultManifest } from '../signature/result-manifest';
import type { IssuedData, Resolution, ResultEvent, ResultTransferredData } from './result.events';

/**
 * NONE: no resolution yet. RESOLVED: decided, the result not issued yet (waiting for its
 * document, or for an officer's paper result). BLOCKED: the document's hash disagrees with the
 * decision's; nothing is signed. ISSUED, then COMPLETED once delivered.
 */
export type ResultStatus = 'NONE' | 'RESOLVED' | 'BLOCKED' | 'ISSUED' | 'COMPLETED';

/** One act in a result's life, oldest first: a blocked attempt stays there after the result is re-issued. */
export type ResultHistoryEntry =
  | { act: 'RESOLVED'; at: string; documentId: string | null }
  | { act: 'BLOCKED'; at: string; documentId: string; reason: string; expectedSha256: string | null; storedSha256: string | null }
  | { act: 'CORRECTED_DOCUMENT_NAMED'; at: string; documentId: string; sha256: string; by: string }
  | { act: 'SWITCHED_TO_PAPER'; at: string; reason: string; by: string }
  | { act: 'ISSUED'; at: string; form: 'ELECTRONIC' | 'PAPER'; documentId: string | null; documentNumber: string | null }
  | { act: 'DELIVERED'; at: string; method: string };

/** A unit a transfer took the result from, whose officers still act for it until `until`. */
export interface FormerResultUnit {
  unit: string;
  until: string;
}

export interface ResultState {
  status: ResultStatus;
  /**
   * With the issuer filled in (the receiving unit for resolutions noted before issuers were kept);
   * after a transfer, `unit` and `issuer` name the successor where they named the merged unit.
   */
  resolution?: Resolution & { issuer: string };
  /** The merged units, for the acts each did: handing over (`unit`) and issuing (`issuer`). */
  former?: { unit?: FormerResultUnit; issuer?: FormerResultUnit };
  issued?: { issuedAt: string; result: IssuedData['result']; manifest?: ResultManifest };
  blocked?: { blockedAt: string; documentId: string; reason: string };
  /** The latest corrected document named: an e-result signed for it is issued no earlier than that. */
  correctedAt?: string;
  /** The e-result was given up: only a paper result can be issued. */
  switchedToPaper?: { switchedAt: string; reason: string; by: string };
  delivered?: { deliveredAt: string; method: string };
  history: ResultHistoryEntry[];
}

export const initialResultState: ResultState = { status: 'NONE', history: [] };

export function evolveResult(state: ResultState, event: ResultEvent): ResultState {
  const history = (entry: ResultHistoryEntry) => [...state.history, entry];
  switch (event.type) {
    case 'ResolutionNoted':
      return {
        ...state,
        status: 'RESOLVED',
        resolution: { ...event.data, issuer: event.data.issuer ?? event.data.unit },
        history: history({ act: 'RESOLVED', at: event.data.resolvedAt, documentId: event.data.resultDocument?.documentId ?? null }),
      };
    case 'IssuanceBlocked': {
      const { blockedAt, documentId, reason } = event.data;
      return {
        ...state,
        status: 'BLOCKED',
        blocked: { blockedAt, documentId, reason },
        history: history({ act: 'BLOCKED', at: blockedAt, documentId, reason, expectedSha256: event.data.expectedSha256 ?? null, storedSha256: event.data.storedSha256 ?? null }),
      };
    }
    case 'CorrectedDocumentNamed': {
      const { namedAt, documentId, sha256, by } = event.data;
      const resolution = state.resolution as NonNullable<ResultState['resolution']>;
      const resultDocument = { documentId, sha256, name: resolution.resultDocument?.name ?? '' };
      return {
        ...state,
        status: 'RESOLVED',
        resolution: { ...resolution, resultDocument },
        blocked: undefined,
        correctedAt: namedAt,
        history: history({ act: 'CORRECTED_DOCUMENT_NAMED', at: namedAt, documentId, sha256, by }),
      };
    }
    case 'SwitchedToPaper': {
      const { switchedAt, reason, by } = event.data;
      return { ...state, status: 'RESOLVED', blocked: undefined, switchedToPaper: { switchedAt, reason, by }, history: history({ act: 'SWITCHED_TO_PAPER', at: switchedAt, reason, by }) };
    }
    case 'ResultIssued': {
      const { result, issuedAt } = event.data;
      const entry: ResultHistoryEntry =
        result.form === 'ELECTRONIC'
          ? { act: 'ISSUED', at: issuedAt, form: 'ELECTRONIC', documentId: result.documentId, documentNumber: null }
          : { act: 'ISSUED', at: issuedAt, form: 'PAPER', documentId: null, documentNumber: result.documentNumber };
      return { ...state, status: 'ISSUED', issued: { issuedAt, result, manifest: event.data.manifest }, history: history(entry) };
    }
    case 'ResultDelivered':
      return { ...state, delivered: { deliveredAt: event.data.deliveredAt, method: event.data.method }, history: history({ act: 'DELIVERED', at: event.data.deliveredAt, method: event.data.method }) };
    case 'DossierCompleted':
      return { ...state, status: 'COMPLETED' };
    case 'ResultTransferred':
      return transferred(state, event.data);
    default:
      return assertNever(event);
  }
}

/** Whichever of the two units was the merged one moves; the other (another agency) stays. */
function transferred(state: ResultState, t: ResultTransferredData): ResultState {
  const resolution = state.resolution;
  if (!resolution) return state;
  const former = { unit: t.fromUnit, until: t.transitionEndsAt };
  const unitMoves = resolution.unit === t.fromUnit;
  const issuerMoves = resolution.issuer === t.fromUnit;
  return {
    ...state,
    resolution: { ...resolution, unit: unitMoves ? t.toUnit : resolution.unit, issuer: issuerMoves ? t.toUnit : resolution.issuer },
    former: { ...state.former, ...(unitMoves ? { unit: former } : {}), ...(issuerMoves ? { issuer: former } : {}) },
  };
}

/** Whether a transfer from `fromUnit` concerns this result: one of its units is the merged one. */
export function heldBy(state: ResultState, fromUnit: string): boolean {
  return state.resolution !== undefined && (state.resolution.unit === fromUnit || state.resolution.issuer === fromUnit);
}

/** Nothing to sign or print: an approval of a procedure that returns no document. */
export function isNoticeOnly(state: ResultState): boolean {
  return state.resolution !== undefined && state.resolution.resultDocument === null;
}

/** The result is electronic unless the procedure has none or an officer switched it to paper. */
export function expectsElectronic(state: ResultState): boolean {
  return state.resolution?.eResultAllowed === true && state.switchedToPaper === undefined;
}
