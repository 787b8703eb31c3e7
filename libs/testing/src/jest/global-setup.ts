import { provisionInfrastructure } from '../infra/infrastructure';
import type { Infrastructure } from '../infra/infrastructure';

declare global {
  var __motcuaInfrastructure: Infrastructure | undefined;
}

/** Runs once per `jest` run, before any worker starts: workers inherit the environment it sets. */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__motcuaInfrastructure) return;
  // Services started by tests log warnings and errors only; set LOG_LEVEL to see more.
  process.env['LOG_LEVEL'] ??= 'warn';
  const started = Date.now();
  const infrastructure = await provisionInfrastructure({ persistent: false });
  globalThis.__motcuaInfrastructure = infrastructure;
  process.env['DATABASE_URL'] = infrastructure.databaseUrl;
  process.env['KAFKA_BROKERS'] = infrastructure.kafkaBrokers.join(',');
  process.stderr.write(`\ntest infrastructure ready in ${Date.now() - started} ms: ${infrastructure.describe()}\n`);
}
