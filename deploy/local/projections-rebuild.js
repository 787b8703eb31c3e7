'use strict';
// `npm run projections:rebuild [-- --url http://127.0.0.1:3006]`
// Asks a running projections service to rebuild every read model from the start of the topics
// into fresh tables and switch to them (POST /v1/projections/rebuild, ADMIN). The token is
// MOTCUA_TOKEN when set (an identity provider's ADMIN token); otherwise a development ADMIN token,
// which only a service without an identity provider accepts.
const { parseArgs } = require('node:util');
const { join } = require('node:path');
const { ensureInstalled, root } = require('./ensure-installed');

const { values } = parseArgs({ options: { url: { type: 'string', default: `http://127.0.0.1:${process.env.PROJECTIONS_PORT || 3006}` } } });

function developmentToken() {
  ensureInstalled();
  process.env.TS_NODE_PROJECT = join(root, 'tsconfig.base.json');
  require('ts-node').register({ transpileOnly: true, project: process.env.TS_NODE_PROJECT });
  require('tsconfig-paths/register');
  const { mintDevToken } = require('@motcua/platform');
  const { DEV_JWT_SECRET } = require('./dev-credentials.ts');
  return mintDevToken({ sub: 'projections-rebuild', role: 'ADMIN', unit: 'H56' }, process.env.JWT_SECRET || DEV_JWT_SECRET, 3600);
}

async function main() {
  const token = process.env.MOTCUA_TOKEN || developmentToken();
  const started = Date.now();
  process.stdout.write(`rebuilding the read models at ${values.url} (the live tables keep answering until the switch)…\n`);
  let response;
  try {
    response = await fetch(`${values.url}/v1/projections/rebuild`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    process.stderr.write(`cannot reach the projections service at ${values.url}: ${error.cause?.code ?? error.message} (is it running? npm start)\n`);
    process.exit(1);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    process.stderr.write(`rebuild refused: ${response.status} ${body.code ?? ''} ${body.detail ?? body.title ?? ''}`.trim() + '\n');
    process.exit(1);
  }
  process.stdout.write(`rebuilt and switched in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(body)}\n`);
}

void main();
