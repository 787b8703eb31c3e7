import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_API_KEYS, DEV_APPLICANT_REF_KEY, DEV_JWT_SECRET } from '@motcua/platform';
import { createTestDatabase, eventually, freePort } from '@motcua/testing';

const root = join(__dirname, '..', '..');
// Inside the checkout, so that the compiled code finds node_modules as the image's does; under
// .data/, which git, the type check and the lint all leave alone should a run stop half way.
const outDir = join(root, '.data', `production-build-${randomBytes(4).toString('hex')}`);
const run = join(outDir, 'deploy', 'production', 'run.js');
// Only what the image would hold: no ts-node, no tsconfig-paths, no development variables.
const bare = (env: Record<string, string>) => ({ PATH: String(process.env['PATH']), ...env });

/** The image's build and entry point, without Docker: `npm run build`'s output runs with plain node. */
describe('the production build (tsconfig.build.json, deploy/production/run.ts)', () => {
  let databaseUrl: string;

  // The whole workspace compiled beside the other test worker: a minute or more on a busy machine,
  // asynchronously, so that the hook's own timer keeps time.
  beforeAll(async () => {
    const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir], { cwd: root });
    let said = '';
    for (const stream of [tsc.stdout, tsc.stderr]) stream.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
    const [code] = await once(tsc, 'close');
    expect({ code, said }).toEqual({ code: 0, said: '' });
    databaseUrl = await createTestDatabase('production_build');
  }, 300_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('migrates every service once, then finds nothing left to apply', () => {
    const migrate = () => {
      const result = spawnSync(process.execPath, [run, 'migrate'], { env: bare({ DATABASE_URL: databaseUrl }), encoding: 'utf8' });
      expect([result.status, result.stderr]).toEqual([0, '']);
      return result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { service: string; applied: number });
    };
    const first = migrate();
    expect(first.map(({ service }) => service)).toEqual(['digitisation', 'intake', 'issuance', 'payment', 'processing', 'projections']);
    for (const { applied } of first) expect(applied).toBeGreaterThan(0);
    expect(migrate().map(({ applied }) => applied)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('refuses a service it does not have, naming the ones it has', () => {
    const result = spawnSync(process.execPath, [run, 'intkae'], { env: bare({}), encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('services: digitisation, intake, issuance, payment, payment-platform, processing, projections');
  });

  it('starts a service that answers ready with its database, broker, relay and consumer up', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [run, 'intake'], {
      env: bare({
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: String(process.env['KAFKA_BROKERS']),
        KAFKA_TOPIC_NAMESPACE: String(process.env['KAFKA_TOPIC_NAMESPACE']),
        KAFKA_GROUP_NAMESPACE: `build-${randomBytes(4).toString('hex')}`,
        PORT: String(port),
        JWT_SECRET: DEV_JWT_SECRET,
        API_KEYS: DEV_API_KEYS,
        APPLICANT_REF_KEY: DEV_APPLICANT_REF_KEY,
        LOG_LEVEL: 'warn',
      }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const ready = await eventually(
        () => fetch(`http://127.0.0.1:${port}/health/ready`).then(async (response) => ({ status: response.status, body: (await response.json()) as { status: string; details: Record<string, { status: string }> } })),
        (answer) => answer.status === 200 && Object.values(answer.body.details).every((check) => check.status === 'up'),
        { timeoutMs: 60_000, intervalMs: 250, what: `the built intake ready (stderr: ${stderr})` },
      );
      expect(Object.keys(ready.body.details)).toEqual(expect.arrayContaining(['database', 'kafka']));
      expect(stderr).toBe('');
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  });
});
