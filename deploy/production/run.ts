// First: every later require of '@motcua/*' goes through the aliases.
import './aliases';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The production image's entry point, over the compiled output (npm run build):
 *   run.js <service>                 starts that service (services/<service>/src/main.js)
 *   run.js migrate [<service> ...]   applies the schema migrations of those services (default:
 *                                    every service that has any), once, then exits
 * The migration step runs before a rollout, so replicas start on an up-to-date schema; each
 * service still checks its migrations as it starts (under the same advisory locks), finding none.
 */
const servicesDir = join(__dirname, '..', '..', 'services');
const entry = (service: string, file: 'main' | 'migrate') => join(servicesDir, service, 'src', `${file}.js`);
const services = () => (existsSync(servicesDir) ? readdirSync(servicesDir).filter((name) => existsSync(entry(name, 'main'))).sort() : []);

interface MigrationStep {
  migrate(databaseUrl: string): Promise<string[]>;
}

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

async function migrateAll(requested: string[]): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) fail('migrate cannot start. DATABASE_URL must be set (a postgres:// URL)');
  const chosen = requested.length > 0 ? requested : services().filter((service) => existsSync(entry(service, 'migrate')));
  const unknown = chosen.filter((service) => !existsSync(entry(service, 'migrate')));
  if (unknown.length > 0) fail(`migrate cannot start. No migrations for: ${unknown.join(', ')} (services with migrations: ${services().filter((s) => existsSync(entry(s, 'migrate'))).join(', ')})`);
  // One after another: each takes its own schema's lock, and the log reads in order.
  for (const service of chosen) {
    const step = (await import(entry(service, 'migrate'))) as MigrationStep;
    const applied = await step.migrate(databaseUrl).catch((error: unknown) => fail(`${service}: migrations failed: ${error instanceof Error ? error.message : String(error)}`));
    process.stdout.write(`${JSON.stringify({ service, applied: applied.length, migrations: applied })}\n`);
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'migrate') return migrateAll(rest);
  if (command === undefined || !existsSync(entry(command, 'main'))) fail(`usage: run.js <service> | run.js migrate [<service> ...]; services: ${services().join(', ')}`);
  // The service's main.ts bootstraps it on load, as in development.
  await import(entry(command, 'main'));
}

main(process.argv.slice(2)).catch((error: unknown) => fail(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`));
