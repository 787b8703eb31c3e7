import type { DossierTransfer } from '@motcua/contracts';
import type { DossierCompleted, DossierResolved, EventData, ResultDelivered, ResultIssued } from '@motcua/contracts';
import type { ResultManifest } from '../signature/result-manifest';

/** The resolution facts issuance keeps from processing's DossierResolved. */
export type Resolution = Pick<
  EventData<typeof DossierResolved>,
  'dossierId' | 'code' | 'outcome' | 'resolvedAt' | 'unit' | 'procedureCode' | 'procedureVersion' | 'applicantRef' | 'eResultAllowed' | 'returnsDocument' | 'delivery' | 'channel' | 'portal'
> & {
  /** The first of the decision's documents is the result; none for an approval that returns no document. */
  resultDocument: { documentId: string; name: string; sha256?: string } | null;
  /**
   * The deciding (competent) agency, which signs or prints the result; `unit` is the receiving
   * one-stop unit, which hands it over. Absent in resolutions noted before it was kept: `unit`.
   */
  issuer?: string;
};

export type IssuedData = EventData<typeof ResultIssued>;

export type ResultTransferredData = DossierTransfer;

/**
 * A dossier's result stream. `ResolutionNoted`, `IssuanceBlocked`, `CorrectedDocumentNamed`,
 * `SwitchedToPaper` and `ResultTransferred` are internal; `ResultIssued`
 * is stored with the signed manifest, which stays home (the published event carries the
 * signature and the document's hash; the manifest is served by the REST API).
 */
export type ResultEvent =
  | { type: 'ResolutionNoted'; data: Resolution }
  /** The hashes are absent in blocks recorded before they were kept. */
  | { type: 'IssuanceBlocked'; data: { dossierId: string; blockedAt: string; documentId: string; reason: 'DOCUMENT_HASH_MISMATCH'; expectedSha256?: string; storedSha256?: string } }
  | { type: 'CorrectedDocumentNamed'; data: { dossierId: string; namedAt: string; documentId: string; sha256: string; by: string } }
  | { type: 'SwitchedToPaper'; data: { dossierId: string; switchedAt: string; reason: string; by: string } }
  | { type: 'ResultIssued'; data: IssuedData & { manifest?: ResultManifest } }
  | { type: 'ResultDelivered'; data: EventData<typeof ResultDelivered> }
  | { type: 'DossierCompleted'; data: EventData<typeof DossierCompleted> }
  /** The issuing and the receiving unit, where either was the merged one, are its successor from then on. */
  | { type: 'ResultTransferred'; data: ResultTransferredData };

export const INTERNAL_RESULT_EVENTS: ReadonlySet<ResultEvent['type']> = new Set(['ResolutionNoted', 'IssuanceBlocked', 'CorrectedDocumentNamed', 'SwitchedToPaper', 'ResultTransferred']);
