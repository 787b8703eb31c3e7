import type { Decider } from '@motcua/event-store';
import { assertNever } from '@motcua/platform/errors';
import { ManifestSigner, signManifest } from '../signature/ed25519';
import { MANIFEST_VERSION, ResultManifest, SIGNATURE_ALGORITHM } from '../signature/result-manifest';
import type { ResultCommand, StoredDocument } from './result.commands';
import { alreadyDelivered, alreadyIssued, notIssued, ResultNotFoundError, ResultStateError } from './result.errors';
import type { Resolution, ResultEvent } from './result.events';
import { evolveResult, expectsElectronic, heldBy, initialResultState, isNoticeOnly, ResultState } from './result.state';

/**
 * The rules of one dossier's result. Pure: the signer is passed in with the command (Ed25519 is
 * deterministic), and every instant comes from an event or the command.
 */
export const resultDecider: Decider<ResultCommand, ResultEvent, ResultState> = {
  initialState: initialResultState,
  evolve: evolveResult,
  decide(command: ResultCommand, state: ResultState): ResultEvent[] {
    if (command.type === 'NoteResolution') {
      // Redelivered after a crash: the inbox dedupes, and so does this.
      return state.status === 'NONE' ? [{ type: 'ResolutionNoted', data: command.resolution }] : [];
    }
    if (command.type === 'TransferResult') {
      // Not resolved yet: processing's decision will name the successor. Delivered again: nothing is at the merged unit any more.
      if (!heldBy(state, command.transfer.fromUnit)) return [];
      const { dossierId, transferredAt, fromUnit, toUnit, reorganisationId, effectiveAt, transitionEndsAt } = command.transfer;
      return [{ type: 'ResultTransferred', data: { dossierId, transferredAt, fromUnit, toUnit, reorganisationId, effectiveAt, transitionEndsAt } }];
    }
    const resolution = state.resolution;
    if (!resolution) throw new ResultNotFoundError();
    switch (command.type) {
      case 'IssueElectronicResult':
        return issueElectronic(state, resolution, command.document, command.signer);
      case 'IssuePaperResult':
        assertNotIssued(state);
        if (expectsElectronic(state)) throw new ResultStateError('RESULT.ELECTRONIC_EXPECTED', 'This procedure issues an electronic result, signed when its document is stored (or switched to paper by an officer)');
        return [
          {
            type: 'ResultIssued',
            data: { dossierId: resolution.dossierId, code: resolution.code, issuedAt: command.at.toISOString(), applicantRef: resolution.applicantRef, result: { form: 'PAPER', documentNumber: command.documentNumber } },
          },
        ];
      case 'NameCorrectedDocument':
        assertNotIssued(state);
        if (state.status !== 'BLOCKED') throw new ResultStateError('RESULT.NOT_BLOCKED', 'Only a blocked issuance is tried again with a corrected document');
        return [{ type: 'CorrectedDocumentNamed', data: { dossierId: resolution.dossierId, namedAt: command.at.toISOString(), documentId: command.documentId, sha256: command.sha256, by: command.by } }];
      case 'SwitchToPaper':
        assertNotIssued(state);
        if (!expectsElectronic(state)) throw new ResultStateError('RESULT.ALREADY_PAPER', 'This result is already issued on paper: record the printed result');
        return [{ type: 'SwitchedToPaper', data: { dossierId: resolution.dossierId, switchedAt: command.at.toISOString(), reason: command.reason, by: command.by } }];
      case 'DeliverResult': {
        if (state.status === 'COMPLETED') throw alreadyDelivered();
        const noticeOnly = isNoticeOnly(state);
        if (state.status !== 'ISSUED' && !noticeOnly) throw notIssued();
        if (command.method === 'ONLINE' && state.issued?.result.form === 'PAPER') {
          throw new ResultStateError('RESULT.PAPER_NOT_ONLINE', 'A paper result is handed over at the counter or sent by post');
        }
        const at = command.at.toISOString();
        return [
          { type: 'ResultDelivered', data: { dossierId: resolution.dossierId, deliveredAt: at, method: command.method } },
          { type: 'DossierCompleted', data: { dossierId: resolution.dossierId, code: resolution.code, completedAt: at } },
        ];
      }
      default:
        return assertNever(command);
    }
  },
};

/** Something is still to be issued: not yet issued, and the decision returns a document. */
function assertNotIssued(state: ResultState): void {
  if (state.status === 'ISSUED' || state.status === 'COMPLETED') throw alreadyIssued();
  if (isNoticeOnly(state)) throw new ResultStateError('RESULT.NOTHING_TO_ISSUE', 'This approval returns no document: delivering the notice completes the dossier');
}

/**
 * Signs once. The decision (or the officer who named a corrected document) may name the
 * document's hash; when the hash digitisation stored disagrees, the document is not the one
 * decided on and nothing is signed: the issuance stays blocked where officers see it.
 */
function issueElectronic(state: ResultState, resolution: Resolution & { issuer: string }, document: StoredDocument, signer: ManifestSigner): ResultEvent[] {
  if (state.status !== 'RESOLVED' || !expectsElectronic(state)) return [];
  if (resolution.resultDocument?.documentId !== document.documentId) return [];
  // Issued when the last of the facts arrived (decision, stored document, corrected document named): replays give the same instant.
  const facts = [resolution.resolvedAt, document.storedAt, state.correctedAt].filter((at): at is string => at !== undefined);
  const issuedAt = new Date(Math.max(...facts.map(Date.parse))).toISOString();
  const expected = resolution.resultDocument.sha256;
  if (expected !== undefined && expected !== document.sha256) {
    return [
      {
        type: 'IssuanceBlocked',
        data: { dossierId: resolution.dossierId, blockedAt: issuedAt, documentId: document.documentId, reason: 'DOCUMENT_HASH_MISMATCH', expectedSha256: expected, storedSha256: document.sha256 },
      },
    ];
  }
  const manifest: ResultManifest = {
    version: MANIFEST_VERSION,
    dossierId: resolution.dossierId,
    code: resolution.code,
    procedure: { code: resolution.procedureCode, version: resolution.procedureVersion },
    outcome: resolution.outcome,
    issuer: resolution.issuer,
    resolvedAt: resolution.resolvedAt,
    issuedAt,
    document: { documentId: document.documentId, sha256: document.sha256, mediaType: document.mediaType },
    keyId: signer.keyId,
    algorithm: SIGNATURE_ALGORITHM,
  };
  const signature = signManifest(manifest, signer);
  return [
    {
      type: 'ResultIssued',
      data: {
        dossierId: resolution.dossierId,
        code: resolution.code,
        issuedAt,
        applicantRef: resolution.applicantRef,
        result: { form: 'ELECTRONIC', documentId: document.documentId, sha256: document.sha256, keyId: signer.keyId, algorithm: SIGNATURE_ALGORITHM, signature },
        manifest,
      },
    },
  ];
}
