'use strict';
// `npm run token -- --role RECEPTION_OFFICER --unit H56.22 [--sub officer-1] [--hours 8]`
// Prints a development officer token signed with JWT_SECRET (or the development secret npm start uses).
// Only services without an identity provider (OIDC_* unset, never in production) accept it.
const { parseArgs } = require('node:util');
const { join } = require('node:path');
const { ensureInstalled, root } = require('./ensure-installed');

ensureInstalled();
process.env.TS_NODE_PROJECT = join(root, 'tsconfig.base.json');
require('ts-node').register({ transpileOnly: true, project: process.env.TS_NODE_PROJECT });
require('tsconfig-paths/register');
const { mintDevToken, ROLES } = require('@motcua/platform');
const { DEV_JWT_SECRET } = require('./dev-credentials.ts');

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    unit: { type: 'string' },
    sub: { type: 'string', default: 'dev-officer' },
    hours: { type: 'string', default: '8' },
  },
});
if (!values.role || !ROLES.includes(values.role) || values.role === 'PORTAL' || !values.unit) {
  process.stderr.write(`usage: npm run token -- --role <${ROLES.filter((r) => r !== 'PORTAL').join('|')}> --unit <unit code> [--sub id] [--hours n]\n`);
  process.exit(2);
}
const secret = process.env.JWT_SECRET || DEV_JWT_SECRET;
process.stdout.write(`${mintDevToken({ sub: values.sub, role: values.role, unit: values.unit }, secret, Number(values.hours) * 3600)}\n`);
