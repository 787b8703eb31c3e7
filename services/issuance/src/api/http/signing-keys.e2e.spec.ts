import { ConfigurationError, createServiceApp } from '@motcua/platform';
import { eventually, InProcessService } from '@motcua/testing';
import type { ResultView } from '../../application/get-result/get-result.query';
import type { PublicJwk } from '../../application/signing-keys/public-keys';
import { IssuanceConfig } from '../../issuance.config';
import { IssuanceModule } from '../../issuance.module';
import { documentStored, dossierResolved, peersOf, startIssuance } from '../../testing/issuance.harness';

const KAFKA_WAIT = { timeoutMs: 60_000 };

/**
 * Keys over HTTP: the key made at first start survives a restart of the app, a rotation retires
 * it without invalidating what it signed, and the public list shows both.
 */
describe('issuance: signing keys across rotation and restart (real PostgreSQL and Kafka)', () => {
  let h: InProcessService;
  let base: string;
  let peers: ReturnType<typeof peersOf>;

  beforeAll(async () => {
    h = await startIssuance('issuance_keys_e2e');
    base = h.base;
    peers = peersOf(h);
  });
  afterAll(() => h?.close());

  const json = async <T>(response: Response) => (await response.json()) as T;
  const keys = async () => (await json<{ keys: PublicJwk[] }>(await fetch(`${base}/signing-keys`))).keys;
  const verify = async (result: NonNullable<ResultView['electronic']>, document: Buffer) => {
    const response = await fetch(`${base}/verifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ manifest: result.manifest, signature: result.signature, document: document.toString('base64') }),
    });
    return json<{ valid: boolean; keyId: string; keyStatus: string; reasons: string[] }>(response);
  };

  /** Processing decides and digitisation stores the document; issuance signs it with its active key. */
  async function issue(document: Buffer): Promise<NonNullable<ResultView['electronic']>> {
    const resolved = dossierResolved();
    await peers.resolve(resolved);
    await peers.store(documentStored(resolved.resultDocuments[0].documentId, document));
    const view = await eventually(
      async () => json<ResultView>(await fetch(`${base}/results/${resolved.dossierId}`, { headers: h.portal() })),
      (v) => v.electronic !== null && v.electronic !== undefined,
      { ...KAFKA_WAIT, what: 'the e-result' },
    );
    return view.electronic as NonNullable<ResultView['electronic']>;
  }

  it('keeps the key through a restart and still verifies, after a rotation, what the retired key signed', async () => {
    const [first] = await keys();
    expect(first).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', status: 'ACTIVE', retiredAt: null });
    const before = Buffer.from('%PDF-1.7 result signed before the restart');
    const signedBefore = await issue(before);
    expect(signedBefore.keyId).toBe(first.kid);

    await h.app.close();
    await h.boot();
    base = h.base;
    expect(await keys()).toEqual([first]);
    expect(await verify(signedBefore, before)).toMatchObject({ valid: true, keyId: first.kid, keyStatus: 'ACTIVE' });
    expect((await issue(Buffer.from('%PDF-1.7 after the restart'))).keyId).toBe(first.kid);

    const refused = await fetch(`${base}/signing-keys/rotate`, { method: 'POST', headers: h.officer('LEADER', 'H56.22') });
    expect(refused.status).toBe(403);
    const rotated = await fetch(`${base}/signing-keys/rotate`, { method: 'POST', headers: h.officer('ADMIN', 'H56') });
    expect(rotated.status).toBe(201);
    const { keyId, retired } = await json<{ keyId: string; retired: string[] }>(rotated);
    expect(retired).toEqual([first.kid]);

    expect(await verify(signedBefore, before)).toEqual({ valid: true, reasons: [], keyId: first.kid, keyStatus: 'RETIRED', documentChecked: true });
    const after = Buffer.from('%PDF-1.7 signed after the rotation');
    const signedAfter = await issue(after);
    expect(signedAfter.keyId).toBe(keyId);
    expect(await verify(signedAfter, after)).toMatchObject({ valid: true, keyStatus: 'ACTIVE' });
    // The old signature does not pass for the new key's id: the key id is signed too.
    expect(await verify({ ...signedBefore, manifest: { ...signedBefore.manifest, keyId } }, before)).toMatchObject({ valid: false, reasons: ['SIGNATURE_MISMATCH'] });
    expect((await keys()).map((k) => [k.kid, k.status]).sort()).toEqual([[first.kid, 'RETIRED'], [keyId, 'ACTIVE']].sort());
  });

  it('refuses to start with a secret that does not open the stored key', async () => {
    const secret = process.env['SIGNING_KEY_SECRET'];
    process.env['SIGNING_KEY_SECRET'] = 'another-signing-key-secret-0123456789abcdef';
    const wrong = await createServiceApp(IssuanceModule, { service: 'issuance', defaultPort: 0, config: IssuanceConfig, multipart: true });
    try {
      await expect(wrong.init()).rejects.toThrow(ConfigurationError);
    } finally {
      process.env['SIGNING_KEY_SECRET'] = secret;
      await wrong.close().catch(() => undefined);
    }
  });
});
