'use strict';
// `npm run demo`: install if needed, then run the demo workload against every service (demo.ts).
const { join } = require('node:path');
const { ensureInstalled, root } = require('./ensure-installed');

ensureInstalled();
process.env.TS_NODE_PROJECT = join(root, 'tsconfig.base.json');
require('ts-node').register({ transpileOnly: true, project: process.env.TS_NODE_PROJECT });
require('tsconfig-paths/register');
require('./demo.ts');
