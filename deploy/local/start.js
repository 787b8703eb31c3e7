'use strict';
// `npm start`: install if needed, then bring up PostgreSQL, Kafka and every service (stack.ts).
const { join } = require('node:path');
const { ensureInstalled, root } = require('./ensure-installed');

ensureInstalled();
process.env.TS_NODE_PROJECT = join(root, 'tsconfig.base.json');
require('ts-node').register({ transpileOnly: true, project: process.env.TS_NODE_PROJECT });
require('tsconfig-paths/register');
require('./stack.ts');
