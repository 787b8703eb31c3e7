import { holdsDevelopmentCredential } from './development-credentials';
import type { ServiceConfig } from './service-config';

/**
 * What a production deployment must not run with, one sentence per variable: a credential
 * published in the repository, or officer tokens checked against a shared secret instead of the
 * identity provider's keys.
 */
export function productionProblems(config: ServiceConfig, env: NodeJS.ProcessEnv): string[] {
  if (env['NODE_ENV'] !== 'production') return [];
  const problems = Object.entries(env)
    .filter(([, value]) => typeof value === 'string' && value !== '' && holdsDevelopmentCredential(value))
    .map(([name]) => `${name} holds a development credential from deploy/local/dev-credentials.ts, which must never be used when NODE_ENV is production`);
  if (!config.OIDC_ISSUER) {
    problems.push('OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL must be set when NODE_ENV is production (HS256 officer tokens over JWT_SECRET are for development only)');
  }
  return problems.sort();
}
