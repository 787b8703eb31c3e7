import type { Principal } from '@motcua/platform';
import type { ResultManifest } from '../../domain/signature/result-manifest';
import type { ResultHistoryEntry, ResultStatus } from '../../domain/result/result.state';

export class GetResult {
  constructor(
    readonly dossierId: string,
    readonly caller: Principal,
  ) {}
}

export interface ResultView {
  dossierId: string;
  code: string;
  status: Exclude<ResultStatus, 'NONE'>;
  outcome: 'APPROVED' | 'DENIED';
  /** The receiving one-stop unit: its desk hands the result over. */
  unit: string;
  /** The deciding agency: it signs the e-result or records the printed one (the manifest's issuer). */
  issuer: string;
  procedure: { code: string; version: number };
  resolvedAt: string;
  /** What the applicant asked for at submission. */
  deliveryPreference: 'ONLINE' | 'COUNTER' | 'POSTAL';
  eResultAllowed: boolean;
  /** What happens next, for the officer or the portal. */
  awaiting: 'DOCUMENT' | 'PAPER_RESULT' | 'DELIVERY' | 'OFFICER_REVIEW' | null;
  resultDocument: { documentId: string; name: string } | null;
  /** The e-result: fetch the bytes from digitisation's document endpoint by documentId. */
  electronic: { documentId: string; sha256: string; keyId: string; algorithm: 'Ed25519'; signature: string; manifest: ResultManifest } | null;
  paper: { documentNumber: string } | null;
  issuedAt: string | null;
  blocked: { reason: string; documentId: string; since: string } | null;
  /** An officer gave up the e-result: a printed result follows. */
  switchedToPaper: { switchedAt: string; reason: string; by: string } | null;
  delivered: { method: string; deliveredAt: string } | null;
  /** Every act, oldest first: a blocked attempt stays listed after a re-issue. */
  history: ResultHistoryEntry[];
}
