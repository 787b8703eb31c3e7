import * as development from './development-credentials';
import { ConfigurationError, loadConfig } from './load-config';
import { trustedProxies } from '../bootstrap/bootstrap-service';
import { ServiceConfig } from './service-config';

const valid = {
  DATABASE_URL: 'postgres://motcua:secret@127.0.0.1:5432/motcua',
  JWT_SECRET: 'x'.repeat(32),
  PORT: '3001',
  API_KEYS: 'portal:0123456789abcdef0123',
};

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(ServiceConfig, env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('reads a valid environment, converting numbers', () => {
    const config = loadConfig(ServiceConfig, valid);
    expect(config.PORT).toBe(3001);
    expect(config.DATABASE_URL).toBe(valid.DATABASE_URL);
  });

  it('names the variable that is missing or malformed', () => {
    expect(problemsOf({ ...valid, DATABASE_URL: undefined })).toEqual(['DATABASE_URL must be a postgres:// URL']);
    expect(problemsOf({ ...valid, DATABASE_URL: 'not a url' })).toEqual(['DATABASE_URL must be a postgres:// URL']);
    expect(problemsOf({ ...valid, PORT: 'abc' })).toEqual(['PORT must be an integer between 0 and 65535 (0: any free port)']);
    expect(problemsOf({ ...valid, JWT_SECRET: 'short' })).toEqual(['JWT_SECRET must be at least 32 characters']);
    expect(problemsOf({ ...valid, KAFKA_BROKERS: 'localhost' })).toEqual(['KAFKA_BROKERS must be a comma-separated list of host:port']);
  });

  it('requires the shared real start once simulated time is configured', () => {
    expect(problemsOf({ ...valid, CLOCK_EPOCH: '2025-01-01T00:00:00Z', CLOCK_SPEED: '1440' })).toEqual([
      'CLOCK_REAL_START must be an ISO-8601 instant (set once by whoever starts the services)',
    ]);
    expect(problemsOf({ ...valid, CLOCK_SPEED: '-2' })).toEqual(['CLOCK_SPEED must be a positive number']);
  });

  describe('under NODE_ENV=production', () => {
    const oidc = { OIDC_ISSUER: 'https://id.example.test/realms/motcua', OIDC_AUDIENCE: 'motcua-api', OIDC_JWKS_URL: 'https://id.example.test/realms/motcua/certs' };
    const production = { ...valid, ...oidc, NODE_ENV: 'production' };
    const credentialProblem = (name: string) => `${name} holds a development credential from deploy/local/dev-credentials.ts, which must never be used when NODE_ENV is production`;

    it('starts with its own secrets and an identity provider', () => {
      expect(problemsOf(production)).toEqual([]);
    });

    it('refuses every development credential, alone or in a list, naming the variable and never the value', () => {
      expect(problemsOf({ ...production, JWT_SECRET: development.DEV_JWT_SECRET })).toEqual([credentialProblem('JWT_SECRET')]);
      expect(problemsOf({ ...production, API_KEYS: `${valid.API_KEYS},${development.DEV_API_KEYS}` })).toEqual([credentialProblem('API_KEYS')]);
      const exported = Object.entries(development).filter(([name]) => name.startsWith('DEV_'));
      expect(exported.length).toBeGreaterThanOrEqual(7);
      for (const [name, value] of exported) {
        const problems = problemsOf({ ...production, SOME_SETTING: String(value) });
        expect([name, problems]).toEqual([name, [credentialProblem('SOME_SETTING')]]);
        expect(problems.join(' ')).not.toContain(String(value));
      }
    });

    it('refuses HS256 officer tokens: the identity provider must be configured', () => {
      expect(problemsOf({ ...valid, NODE_ENV: 'production' })).toEqual([
        'OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL must be set when NODE_ENV is production (HS256 officer tokens over JWT_SECRET are for development only)',
      ]);
      expect(problemsOf({ ...valid, JWT_SECRET: development.DEV_JWT_SECRET })).toEqual([]);
    });
  });

  it('takes the identity provider as all three variables or none, and then needs no JWT_SECRET', () => {
    const oidc = { OIDC_ISSUER: 'https://id.example.test/realms/motcua', OIDC_AUDIENCE: 'motcua-api', OIDC_JWKS_URL: 'https://id.example.test/certs' };
    expect(problemsOf({ ...valid, ...oidc, JWT_SECRET: undefined })).toEqual([]);
    expect(problemsOf({ ...valid, OIDC_ISSUER: oidc.OIDC_ISSUER })).toEqual([
      expect.stringMatching(/^OIDC_AUDIENCE must name .*all three or none/),
      expect.stringMatching(/^OIDC_JWKS_URL must be .*all three or none/),
    ]);
    expect(problemsOf({ ...valid, JWT_SECRET: undefined })).toEqual([expect.stringMatching(/^JWT_SECRET must be set/)]);
  });

  it('trusts no proxy unless TRUST_PROXY names them', () => {
    expect(trustedProxies(loadConfig(ServiceConfig, valid).TRUST_PROXY)).toBe(false);
    expect(trustedProxies(loadConfig(ServiceConfig, { ...valid, TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).TRUST_PROXY)).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(trustedProxies(loadConfig(ServiceConfig, { ...valid, TRUST_PROXY: '1' }).TRUST_PROXY)).toBe(1);
    expect(problemsOf({ ...valid, TRUST_PROXY: 'true' })).toEqual(['TRUST_PROXY must be comma-separated proxy addresses or CIDR ranges, or a number of hops']);
  });

  it('never echoes a secret in its message', () => {
    const problems = problemsOf({ ...valid, DATABASE_URL: 'mysql://user:hunter2@db/x' });
    expect(problems.join(' ')).not.toContain('hunter2');
  });
});
