import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { PgDatabase } from '@motcua/event-store';
import type { Clock } from '@motcua/platform';
import { ed25519Signer, ManifestSigner } from '../../domain/signature/ed25519';
import type { KeyStatus } from '../../domain/signature/verify-result';
import { KeyCipher } from './key-cipher';

const LOCK = 'motcua.issuance.signing-keys';

export interface PublicSigningKey {
  keyId: string;
  publicKey: KeyObject;
  status: KeyStatus;
  createdAt: Date;
  retiredAt: Date | null;
}

interface KeyRow {
  key_id: string;
  public_key: Buffer;
  private_key_sealed: Buffer;
  status: KeyStatus;
  created_at: Date;
  retired_at: Date | null;
}

/**
 * The e-result signing keys, a table rather than an event stream: they are configuration-like
 * secrets, not facts of a dossier, and a private key must never reach the event log that the
 * relay reads. Changes take an advisory lock, so replicas starting together create one key.
 */
export class SigningKeys {
  private readonly cipher: KeyCipher;

  constructor(
    private readonly db: PgDatabase,
    private readonly clock: Clock,
    secret: string,
  ) {
    this.cipher = new KeyCipher(secret);
  }

  /** Creates the first key if there is none; a restart finds it and keeps it. */
  async ensureActive(): Promise<string> {
    return this.db.transaction(async () => {
      await this.db.query('select pg_advisory_xact_lock(hashtext($1))', [LOCK]);
      return (await this.activeRow())?.key_id ?? (await this.create(null));
    });
  }

  /** The old active key is retired (kept for verification) and a new one signs from now on. */
  async rotate(by: string): Promise<{ keyId: string; retired: string[] }> {
    return this.db.transaction(async () => {
      await this.db.query('select pg_advisory_xact_lock(hashtext($1))', [LOCK]);
      const retired = await this.db.query<{ key_id: string }>(
        `update issuance.signing_keys set status = 'RETIRED', retired_at = $1 where status = 'ACTIVE' returning key_id`,
        [this.clock.now()],
      );
      return { keyId: await this.create(by), retired: retired.rows.map((r) => r.key_id) };
    });
  }

  /** The active key's signer; its private key is opened only for the signature. */
  async activeSigner(): Promise<ManifestSigner> {
    let row = await this.activeRow();
    if (!row) {
      await this.ensureActive();
      row = await this.activeRow();
    }
    if (!row) throw new Error('no active signing key');
    const privateKey = createPrivateKey({ key: this.cipher.open(row.private_key_sealed, row.key_id), format: 'der', type: 'pkcs8' });
    return ed25519Signer(row.key_id, privateKey);
  }

  async find(keyId: string): Promise<PublicSigningKey | undefined> {
    const result = await this.db.query<KeyRow>(`select * from issuance.signing_keys where key_id = $1`, [keyId]);
    return result.rows[0] && toPublic(result.rows[0]);
  }

  async list(): Promise<PublicSigningKey[]> {
    const result = await this.db.query<KeyRow>(`select * from issuance.signing_keys order by created_at desc, key_id`);
    return result.rows.map(toPublic);
  }

  private async activeRow(): Promise<KeyRow | undefined> {
    return (await this.db.query<KeyRow>(`select * from issuance.signing_keys where status = 'ACTIVE'`)).rows[0];
  }

  private async create(by: string | null): Promise<string> {
    const now = this.clock.now();
    const keyId = `ed25519-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    await this.db.query(
      `insert into issuance.signing_keys (key_id, public_key, private_key_sealed, status, created_at, rotated_by) values ($1, $2, $3, 'ACTIVE', $4, $5)`,
      [keyId, publicKey.export({ format: 'der', type: 'spki' }), this.cipher.seal(privateKey.export({ format: 'der', type: 'pkcs8' }), keyId), now, by],
    );
    return keyId;
  }
}

function toPublic(row: KeyRow): PublicSigningKey {
  return { keyId: row.key_id, publicKey: createPublicKey({ key: row.public_key, format: 'der', type: 'spki' }), status: row.status, createdAt: row.created_at, retiredAt: row.retired_at };
}
