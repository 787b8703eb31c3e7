'use strict';
// Installs the workspace's dependencies when they are missing or older than the lockfile,
// so that `npm start` and `npm test` work on a fresh clone.
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..', '..');

function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // `npm install` with the committed lockfile installs exactly the locked versions. Not `npm ci`:
  // npm 11 leaves other platforms' optional bindings out of the lockfile and then refuses it.
  process.stderr.write('installing dependencies (npm install from package-lock.json)…\n');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('npm install failed: see the output above\n');
    process.exit(result.status ?? 1);
  }
}

module.exports = { ensureInstalled, root };
