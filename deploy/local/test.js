'use strict';
// `npm test`: install if needed, type-check, lint (module boundaries included), then every
// unit, integration and e2e test in one Jest run whose global setup provisions PostgreSQL and
// Kafka (DATABASE_URL / KAFKA_BROKERS when set, local servers otherwise) and tears them down.
const { spawnSync } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { ensureChromium, ensureInstalled, root } = require('./ensure-installed');

ensureInstalled();
ensureChromium();
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
const bin = (name) => join(root, 'node_modules', '.bin', name);

function step(title, command, args) {
  process.stderr.write(`\n== ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stderr.write(`\n${title} failed\n`);
    process.exit(result.status ?? 1);
  }
}

const jestArgs = process.argv.slice(2);
mkdirSync(join(root, '.data'), { recursive: true });
if (jestArgs.length === 0) {
  step('type check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  // The module-boundary rule reads Nx's cached project graph; without one it silently skips.
  step('project graph', bin('nx'), ['show', 'projects']);
  step('lint', bin('eslint'), ['--max-warnings=0', '.']);
}
step('tests', bin('jest'), ['--ci', '--json', `--outputFile=${join(root, '.data', 'jest-results.json')}`, ...jestArgs]);
