import { createHash } from 'node:crypto';
import { migrate, PgDatabase } from '@motcua/event-store';
import { FixedClock } from '@motcua/platform';
import { createTestDatabase } from '@motcua/testing';
import { signManifest, verifyManifestSignature } from '../../domain/signature/ed25519';
import { signingKeyMigrations } from './signing-keys.migrations';
import { SigningKeys } from './signing-keys';

const secret = 'signing-keys-int-secret-0123456789abcdef';
const clock = new FixedClock(new Date('2025-03-10T03:00:00.000Z'));

/** The key table on a real PostgreSQL: one key however many replicas start, sealed at rest. */
describe('signing keys (real PostgreSQL)', () => {
  let db: PgDatabase;
  const replicas: PgDatabase[] = [];

  beforeAll(async () => {
    const url = await createTestDatabase('issuance_keys_int');
    db = PgDatabase.connect(url);
    await migrate(db, 'issuance', signingKeyMigrations);
    for (let i = 0; i < 4; i++) replicas.push(PgDatabase.connect(url));
  });
  afterAll(async () => {
    await Promise.all([db, ...replicas].map((d) => d.close()));
  });

  it('creates one key when replicas start at once, and a restart keeps it', async () => {
    const ids = await Promise.all(replicas.map((replica) => new SigningKeys(replica, clock, secret).ensureActive()));
    expect(new Set(ids).size).toBe(1);
    expect(await new SigningKeys(db, clock, secret).ensureActive()).toBe(ids[0]);
    expect((await db.query(`select count(*)::int as n from issuance.signing_keys`)).rows[0].n).toBe(1);
  });

  it('keeps the private key sealed: its PKCS#8 bytes are not in the row, and another secret cannot sign', async () => {
    const keys = new SigningKeys(db, clock, secret);
    const signer = await keys.activeSigner();
    const row = (await db.query<{ private_key_sealed: Buffer }>(`select private_key_sealed from issuance.signing_keys where key_id = $1`, [signer.keyId])).rows[0];
    // An Ed25519 PKCS#8 key begins with this fixed prefix; sealed, it does not appear.
    expect(row.private_key_sealed.includes(Buffer.from('302e020100300506032b657004220420', 'hex'))).toBe(false);
    await expect(new SigningKeys(db, clock, `${secret}-wrong`).activeSigner()).rejects.toThrow();
  });

  it('rotates: a new key signs, the old one is retired and still verifies what it signed', async () => {
    const keys = new SigningKeys(db, clock, secret);
    const manifest = { keyId: (await keys.activeSigner()).keyId, document: { sha256: createHash('sha256').update('x').digest('hex') } };
    const signature = Buffer.from(signManifest(manifest, await keys.activeSigner()), 'base64');

    const rotated = await keys.rotate('admin@H56');
    expect(rotated.retired).toEqual([manifest.keyId]);
    expect((await keys.activeSigner()).keyId).toBe(rotated.keyId);
    const old = await keys.find(manifest.keyId);
    if (!old) throw new Error('the retired key is gone');
    expect(old.status).toBe('RETIRED');
    expect(verifyManifestSignature(manifest, signature, old.publicKey)).toBe(true);
    expect((await keys.list()).map((k) => k.status).sort()).toEqual(['ACTIVE', 'RETIRED']);
  });
});
