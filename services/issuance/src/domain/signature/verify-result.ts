import { KeyObject } from 'node:crypto';
import { verifyManifestSignature } from './ed25519';

export type VerificationReason = 'UNKNOWN_KEY' | 'SIGNATURE_MISMATCH' | 'DOCUMENT_HASH_MISMATCH';
export type KeyStatus = 'ACTIVE' | 'RETIRED';

export interface ResultToVerify {
  /** Already checked to name a key id and a document hash; anything else in it is covered by the signature. */
  manifest: { keyId: string; document: { sha256: string } };
  signature: Buffer;
  /** SHA-256 of the bytes the verifier holds, when it sent them. */
  documentSha256?: string;
}

export interface Verdict {
  valid: boolean;
  /** Stable codes; empty when valid. */
  reasons: VerificationReason[];
  keyId: string;
  keyStatus: KeyStatus | 'UNKNOWN';
  documentChecked: boolean;
}

/**
 * A result is valid when its manifest was signed by a key we issued (active or retired: a
 * rotation never invalidates what was signed before it) and, when the document is given, the
 * document is the one the manifest names. Every failing check is reported, not just the first.
 */
export function verifyResult(result: ResultToVerify, key: { publicKey: KeyObject; status: KeyStatus } | undefined): Verdict {
  const reasons: VerificationReason[] = [];
  if (!key) reasons.push('UNKNOWN_KEY');
  else if (!verifyManifestSignature(result.manifest, result.signature, key.publicKey)) reasons.push('SIGNATURE_MISMATCH');
  const documentChecked = result.documentSha256 !== undefined;
  if (documentChecked && result.documentSha256 !== result.manifest.document.sha256) reasons.push('DOCUMENT_HASH_MISMATCH');
  return { valid: reasons.length === 0, reasons, keyId: result.manifest.keyId, keyStatus: key?.status ?? 'UNKNOWN', documentChecked };
}
