import { createHash, generateKeyPairSync } from 'node:crypto';
import { ed25519Signer, signManifest } from './ed25519';
import { MANIFEST_VERSION, ResultManifest, SIGNATURE_ALGORITHM } from './result-manifest';
import { verifyResult } from './verify-result';

const document = Buffer.from('%PDF-1.7 Giấy chứng nhận quyền sử dụng đất');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const oldKey = generateKeyPairSync('ed25519');
const newKey = generateKeyPairSync('ed25519');

const manifestFor = (keyId: string): ResultManifest => ({
  version: MANIFEST_VERSION,
  dossierId: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  code: 'H56.22-250303-0007',
  procedure: { code: 'SAMPLE.DD.01', version: 1 },
  outcome: 'APPROVED',
  issuer: 'H56.22',
  resolvedAt: '2025-03-10T03:00:00.000Z',
  issuedAt: '2025-03-10T03:00:00.000Z',
  document: { documentId: 'doc-r', sha256: sha256(document), mediaType: 'application/pdf' },
  keyId,
  algorithm: SIGNATURE_ALGORITHM,
});

/** The keys a verifier knows after one rotation: the old one retired, the new one active. */
const keyring = new Map([
  ['key-old', { publicKey: oldKey.publicKey, status: 'RETIRED' as const }],
  ['key-new', { publicKey: newKey.publicKey, status: 'ACTIVE' as const }],
]);

function signed(keyId: string, privateKey = keyId === 'key-old' ? oldKey.privateKey : newKey.privateKey) {
  const manifest = manifestFor(keyId);
  return { manifest, signature: Buffer.from(signManifest(manifest, ed25519Signer(keyId, privateKey)), 'base64') };
}
const verify = (result: ReturnType<typeof signed>, documentBytes?: Buffer) =>
  verifyResult({ ...result, documentSha256: documentBytes ? sha256(documentBytes) : undefined }, keyring.get(result.manifest.keyId));

describe('e-result signature and verification', () => {
  it('verifies a result signed with the active key, document included', () => {
    expect(verify(signed('key-new'), document)).toEqual({ valid: true, reasons: [], keyId: 'key-new', keyStatus: 'ACTIVE', documentChecked: true });
  });

  it('still verifies a result signed before a rotation, with the retired key', () => {
    expect(verify(signed('key-old'), document)).toMatchObject({ valid: true, keyStatus: 'RETIRED' });
  });

  it('does not depend on the order of the manifest keys (RFC 8785)', () => {
    const result = signed('key-new');
    const reordered = Object.fromEntries(Object.entries(result.manifest).reverse()) as unknown as ResultManifest;
    expect(verify({ ...result, manifest: reordered })).toMatchObject({ valid: true, documentChecked: false });
  });

  it('refuses a tampered manifest', () => {
    const result = signed('key-new');
    expect(verify({ ...result, manifest: { ...result.manifest, outcome: 'DENIED' } })).toMatchObject({ valid: false, reasons: ['SIGNATURE_MISMATCH'] });
  });

  it('refuses a tampered document, even with a good signature', () => {
    const tampered = Buffer.from(document);
    tampered[0] ^= 1;
    expect(verify(signed('key-new'), tampered)).toMatchObject({ valid: false, reasons: ['DOCUMENT_HASH_MISMATCH'] });
  });

  it('refuses a manifest whose hash was changed to match a substituted document', () => {
    const other = Buffer.from('another document');
    const result = signed('key-new');
    const forged = { ...result, manifest: { ...result.manifest, document: { ...result.manifest.document, sha256: sha256(other) } } };
    expect(verify(forged, other)).toMatchObject({ valid: false, reasons: ['SIGNATURE_MISMATCH'] });
  });

  it('refuses a signature claimed for another key, and a key it does not know', () => {
    // Signed by the old key, but the manifest says the new one: the key id is covered too.
    expect(verify(signed('key-new', oldKey.privateKey))).toMatchObject({ valid: false, reasons: ['SIGNATURE_MISMATCH'] });
    expect(verify(signed('key-gone', oldKey.privateKey))).toMatchObject({ valid: false, reasons: ['UNKNOWN_KEY'], keyStatus: 'UNKNOWN' });
  });

  it('refuses a signature of the wrong length', () => {
    const result = signed('key-new');
    expect(verify({ ...result, signature: result.signature.subarray(0, 63) })).toMatchObject({ valid: false, reasons: ['SIGNATURE_MISMATCH'] });
  });
});
