import type { Migration } from '@motcua/event-store';

export const signingKeyMigrations: Migration[] = [
  {
    id: 'issuance/001_signing_keys',
    up: (s) => `
      create table ${s}.signing_keys (
        key_id text primary key,
        algorithm text not null default 'Ed25519',
        public_key bytea not null,
        private_key_sealed bytea not null,
        status text not null check (status in ('ACTIVE', 'RETIRED')),
        created_at timestamptz not null,
        retired_at timestamptz,
        rotated_by text
      );
      create unique index signing_keys_one_active on ${s}.signing_keys (status) where status = 'ACTIVE';
      comment on table ${s}.signing_keys is 'E-result signing keys: one ACTIVE signs, RETIRED ones stay for verification; private keys sealed with AES-256-GCM.';
      comment on column ${s}.signing_keys.public_key is 'SubjectPublicKeyInfo (DER) of the Ed25519 public key';
      comment on column ${s}.signing_keys.private_key_sealed is 'PKCS#8 (DER) private key: 12-byte IV, 16-byte GCM tag, ciphertext; the key id is the associated data';
    `,
  },
];
