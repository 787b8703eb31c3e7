import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { FieldError, ValidationFailedError } from '@motcua/platform';
import { ResultToVerify, Verdict, verifyResult } from '../../domain/signature/verify-result';
import { SigningKeys } from '../signing-keys/signing-keys';

export interface VerificationInput {
  manifest: Record<string, unknown>;
  /** Base64 of the 64-byte signature, already checked for its shape. */
  signature: string;
  document?: Buffer;
}

/**
 * Anyone holding a result can check it: the key named in the manifest (active or retired), the
 * signature over the canonical manifest, and the document's bytes against the manifest's hash.
 * A tampered result is an answer ("invalid", with reasons), not an error.
 */
@Injectable()
export class ResultVerifier {
  constructor(private readonly keys: SigningKeys) {}

  async verify(input: VerificationInput): Promise<Verdict> {
    const manifest = checkedManifest(input.manifest);
    const key = await this.keys.find(manifest.keyId);
    const documentSha256 = input.document && createHash('sha256').update(input.document).digest('hex');
    return verifyResult({ manifest, signature: Buffer.from(input.signature, 'base64'), documentSha256 }, key && { publicKey: key.publicKey, status: key.status });
  }
}

/** A manifest that names no key or no document hash cannot be verified: 400, naming the field. */
function checkedManifest(manifest: Record<string, unknown>): ResultToVerify['manifest'] {
  const errors: FieldError[] = [];
  const keyId = manifest['keyId'];
  if (typeof keyId !== 'string' || keyId.length < 1 || keyId.length > 100) errors.push({ field: 'manifest.keyId', message: 'manifest.keyId must be a string of 1 to 100 characters' });
  const document = manifest['document'];
  const sha256 = typeof document === 'object' && document !== null && !Array.isArray(document) ? (document as Record<string, unknown>)['sha256'] : undefined;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) errors.push({ field: 'manifest.document.sha256', message: 'manifest.document.sha256 must be 64 lower-case hex digits' });
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return manifest as ResultToVerify['manifest'];
}
