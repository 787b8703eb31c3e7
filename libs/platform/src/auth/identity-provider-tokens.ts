import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { DomainError } from '../errors/domain-error';
import type { Principal } from './principal';
import { officerOf, OfficerTokenVerifier } from './tokens';

export interface IdentityProvider {
  issuer: string;
  audience: string;
  jwksUrl: string;
}

/** The provider's keys could not be read: the token may be good, so the caller is told to retry, not that it is refused. */
export class IdentityProviderUnavailableError extends DomainError {
  constructor() {
    super('AUTH.IDENTITY_PROVIDER_UNAVAILABLE', 'UNAVAILABLE', 'The identity provider’s signing keys cannot be read now; try again later');
  }
}

/**
 * Officer tokens issued by the identity provider: signed RS256 or ES256 by a key of its JWKS
 * (fetched, cached, and fetched again for a key id it does not know yet), for this issuer and
 * audience, and expiring. HS256 is never accepted here: a shared secret is not the provider's word.
 */
export class IdentityProviderTokens implements OfficerTokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly provider: IdentityProvider) {
    this.keys = createRemoteJWKSet(new URL(provider.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  }

  async verify(token: string): Promise<Principal | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.provider.issuer,
        audience: this.provider.audience,
        algorithms: ['RS256', 'ES256'],
        requiredClaims: ['exp', 'iss', 'aud', 'sub'],
        clockTolerance: 30,
      });
      return officerOf(payload);
    } catch (error) {
      if (unreachable(error)) throw new IdentityProviderUnavailableError();
      return undefined;
    }
  }
}

/** A key-set fetch that failed or timed out, as opposed to a token that is not good. */
function unreachable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  return !(error instanceof errors.JOSEError);
}
