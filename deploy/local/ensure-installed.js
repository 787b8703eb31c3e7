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

// The dashboard's e2e spec drives Debian's chromium (services/projections/src/testing/dashboard-browser.harness.ts).
const CHROMIUM = '/usr/bin/chromium';

/** Installs Debian's chromium with apt-get when it is missing and this runs as root; silent when present. */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    process.stderr.write(`${CHROMIUM} is missing and cannot be installed here (needs root and apt-get): the dashboard e2e spec will fail until it is (apt-get install chromium)\n`);
    return;
  }
  process.stderr.write('installing chromium for the dashboard e2e spec (apt-get install chromium)…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  // A fresh machine has no package lists; an up-to-date one installs without the update.
  const installed = apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']) || (apt(['update', '-qq']) && apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']));
  if (!installed || !existsSync(CHROMIUM)) process.stderr.write('apt-get could not install chromium: see the output above; the dashboard e2e spec will fail\n');
}

module.exports = { ensureInstalled, ensureChromium, root };
