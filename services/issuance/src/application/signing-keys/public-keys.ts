import type { PublicSigningKey } from './signing-keys';

/** A public key as integrators fetch it: a JWK (RFC 8037, OKP/Ed25519) with its kid and status. */
export interface PublicJwk {
  kid: string;
  kty: 'OKP';
  crv: 'Ed25519';
  /** The raw public key, base64url. */
  x: string;
  alg: 'EdDSA';
  use: 'sig';
  status: 'ACTIVE' | 'RETIRED';
  createdAt: string;
  retiredAt: string | null;
}

export function toJwk(key: PublicSigningKey): PublicJwk {
  const jwk = key.publicKey.export({ format: 'jwk' }) as { x: string };
  return { kid: key.keyId, kty: 'OKP', crv: 'Ed25519', x: jwk.x, alg: 'EdDSA', use: 'sig', status: key.status, createdAt: key.createdAt.toISOString(), retiredAt: key.retiredAt?.toISOString() ?? null };
}
