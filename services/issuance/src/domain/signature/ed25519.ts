import { KeyObject, sign, verify } from 'node:crypto';
import { signedBytes } from './result-manifest';

/** A key that signs: its id travels in the manifest it signs. */
export interface ManifestSigner {
  keyId: string;
  sign(bytes: Buffer): string;
}

/** Ed25519 signatures are deterministic: the same key and manifest always give the same signature. */
export function ed25519Signer(keyId: string, privateKey: KeyObject): ManifestSigner {
  return { keyId, sign: (bytes) => sign(null, bytes, privateKey).toString('base64') };
}

export function signManifest(manifest: unknown, signer: ManifestSigner): string {
  return signer.sign(signedBytes(manifest));
}

/** False for any signature that is not exactly this key's over these canonical bytes. */
export function verifyManifestSignature(manifest: unknown, signature: Buffer, publicKey: KeyObject): boolean {
  if (signature.length !== 64) return false;
  return verify(null, signedBytes(manifest), publicKey, signature);
}
