'use strict';
// `npm run bench`: install if needed, then run bench/main.ts (TypeScript, path aliases resolved).
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { ensureInstalled, root } = require('./ensure-installed');

ensureInstalled();
const result = spawnSync(
  process.execPath,
  ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'bench', 'main.ts')],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.base.json') } },
);
process.exit(result.status ?? 1);
