import type { ServiceConfig } from '../config/service-config';
import { IdentityProviderTokens } from './identity-provider-tokens';
import { DevelopmentOfficerTokens, OfficerTokenVerifier } from './tokens';

/**
 * The identity provider's keys once OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL are set (the
 * configuration requires all three or none); HS256 over JWT_SECRET otherwise, which the
 * configuration allows outside production only.
 */
export function officerTokenVerifier(config: ServiceConfig): OfficerTokenVerifier {
  if (config.OIDC_ISSUER && config.OIDC_AUDIENCE && config.OIDC_JWKS_URL) {
    return new IdentityProviderTokens({ issuer: config.OIDC_ISSUER, audience: config.OIDC_AUDIENCE, jwksUrl: config.OIDC_JWKS_URL });
  }
  if (!config.JWT_SECRET) throw new Error('no way to verify officer tokens: configuration should have required JWT_SECRET');
  return new DevelopmentOfficerTokens(config.JWT_SECRET);
}
