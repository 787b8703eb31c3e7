import canonicalize from 'canonicalize';

export const MANIFEST_VERSION = 1;
export const SIGNATURE_ALGORITHM = 'Ed25519';

/**
 * What an e-result's signature covers. The document is named by its SHA-256, so the signature
 * holds for exactly those bytes; the key id inside binds the signature to one key, so a verifier
 * years later finds the retired key that made it.
 */
export interface ResultManifest {
  version: typeof MANIFEST_VERSION;
  dossierId: string;
  code: string;
  procedure: { code: string; version: number };
  outcome: 'APPROVED' | 'DENIED';
  /** The unit that decided and issues the result. */
  issuer: string;
  resolvedAt: string;
  issuedAt: string;
  document: { documentId: string; sha256: string; mediaType: string };
  keyId: string;
  algorithm: typeof SIGNATURE_ALGORITHM;
}

/** The signed bytes: UTF-8 of the manifest's canonical JSON (RFC 8785), whatever its key order. */
export function signedBytes(manifest: unknown): Buffer {
  const text = canonicalize(manifest);
  if (text === undefined) throw new TypeError('the manifest cannot be canonicalised');
  return Buffer.from(text, 'utf8');
}
