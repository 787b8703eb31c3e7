import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEV_API_KEYS, DEV_JWT_SECRET } from '@motcua/platform';

const root = join(__dirname, '..', '..', '..');

const start = (env: Record<string, string>) =>
  new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'services/intake/src/main.ts')], {
      cwd: root,
      env: { PATH: String(process.env['PATH']), TS_NODE_PROJECT: join(root, 'tsconfig.base.json'), PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });

/** Started as production with a credential from the repository, the service refuses in one sentence naming the variable. */
describe('intake started with NODE_ENV=production', () => {
  const production = {
    NODE_ENV: 'production',
    OIDC_ISSUER: 'https://id.example.test/realms/motcua',
    OIDC_AUDIENCE: 'motcua-api',
    OIDC_JWKS_URL: 'https://id.example.test/realms/motcua/certs',
    APPLICANT_REF_KEY: 'production-start-spec-applicant-ref-key-0123',
    API_KEYS: 'portal-a:production-start-spec-portal-key',
    // Never reached: configuration is checked before any connection.
    DATABASE_URL: 'postgres://motcua@127.0.0.1:1/motcua',
  };

  it('refuses the development JWT_SECRET, naming it and not its value', async () => {
    const { code, stderr } = await start({ ...production, JWT_SECRET: DEV_JWT_SECRET });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'intake cannot start. Configuration error: JWT_SECRET holds a development credential from deploy/local/dev-credentials.ts, which must never be used when NODE_ENV is production',
    );
  });

  it('refuses the development portal key inside API_KEYS, and HS256 officer tokens without an identity provider', async () => {
    const { OIDC_ISSUER: _i, OIDC_AUDIENCE: _a, OIDC_JWKS_URL: _u, ...withoutProvider } = production;
    const { code, stderr } = await start({ ...withoutProvider, JWT_SECRET: 'production-start-spec-own-secret-0123456789', API_KEYS: DEV_API_KEYS });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'intake cannot start. Configuration error: API_KEYS holds a development credential from deploy/local/dev-credentials.ts, which must never be used when NODE_ENV is production; ' +
        'OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL must be set when NODE_ENV is production (HS256 officer tokens over JWT_SECRET are for development only)',
    );
    expect(stderr).not.toContain('motcua-dev-portal-key');
  });
});

/** A database that is away or a URL that is not one: one sentence on stderr, no stack, no password. */
describe('intake start-up configuration', () => {
  const development = { APPLICANT_REF_KEY: 'start-up-spec-applicant-ref-key-0123456789', JWT_SECRET: 'start-up-spec-jwt-secret-0123456789abcdef' };

  it('exits with a clear message, not a stack, when PostgreSQL cannot be reached', async () => {
    const { code, stderr } = await start({ ...development, DATABASE_URL: 'postgres://motcua:s3cret-pw@127.0.0.1:1/motcua' });
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot connect to PostgreSQL at 127.0.0.1:1/motcua (DATABASE_URL): connection refused');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain('s3cret-pw');
  });

  it('exits naming DATABASE_URL when it is not a URL', async () => {
    const { code, stderr } = await start({ ...development, DATABASE_URL: 'not a url' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('intake cannot start. Configuration error: DATABASE_URL must be a postgres:// URL');
  });
});
