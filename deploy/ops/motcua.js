#!/usr/bin/env node
'use strict';
// `npx motcua <command>` in the workspace: the operations tool (services/ops/src/cli). `--help` on every command.
const { join } = require('node:path');
const { ensureInstalled, root } = require('../local/ensure-installed');

ensureInstalled();
process.env.TS_NODE_PROJECT = join(root, 'tsconfig.base.json');
require('ts-node').register({ transpileOnly: true, project: process.env.TS_NODE_PROJECT });
require('tsconfig-paths/register');
const { run } = require(join(root, 'services/ops/src/cli/main.ts'));

let stop;
const interrupted = new Promise((resolve) => (stop = resolve));
process.once('SIGINT', () => stop());
run(process.argv.slice(2), { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`), interrupted }).then((code) => process.exit(code));
