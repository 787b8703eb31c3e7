import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AcceleratedClock, mintDevToken } from '@motcua/platform';
import { freePort } from '../infra/free-port';
import { createTestDatabase } from '../infra/test-database';
import { workspaceRoot } from '../infra/workspace';
import { RunningService, startServiceProcess } from './service-process';
import { discoverServices } from './services';

export interface StackCall {
  status: number;
  body: Record<string, unknown>;
}

export interface Stack {
  databaseUrl: string;
  portalKey: string;
  /** The simulated time every service of the stack shares. */
  clock: AcceleratedClock;
  url(service: string): string;
  token(role: string, unit: string): Record<string, string>;
  call(service: string, method: string, path: string, headers: Record<string, string>, payload?: unknown): Promise<StackCall>;
  /** What the services wrote so far, line by line, each line prefixed with `[service] `. */
  output(): readonly string[];
  /** Stops every service: SIGTERM, then SIGKILL after `graceMs` (10 s by default). */
  stop(graceMs?: number): Promise<void>;
}

export interface StackOptions {
  epoch: string;
  speed: number;
  /**
   * The real instant at which the simulated clock reads `epoch` (now by default). A fast clock
   * started in the future does not run through the services' start-up: the demo workload's
   * January would otherwise be gone before the first service answers.
   */
  realStart?: Date;
  /** Environment of the services' own, over this process's (another KAFKA_BROKERS, say). */
  env?: NodeJS.ProcessEnv;
  /**
   * How long every service may take to answer /health/ready (300 s by default: each process
   * transpiles, migrates, seeds and joins its groups, all at once on a small, busy machine).
   */
  readyTimeoutMs?: number;
}

/**
 * Services as they run in production, one process each, talking only through Kafka, on a database
 * and consumer groups of their own (no other test sees their dossiers), with development
 * credentials and a simulated clock from `epoch` at `speed` shared by all of them.
 */
export async function startStack(names: string[], options: StackOptions): Promise<Stack> {
  const suffix = randomBytes(4).toString('hex');
  const secret = `e2e-jwt-secret-${suffix}-0123456789abcdef`;
  const portalKey = `e2e-portal-key-${suffix}`;
  const callbackSecret = `e2e-payment-callback-secret-${suffix}-0123456789`;
  const merchantKey = `e2e-merchant-key-${suffix}`;
  const realStart = (options.realStart ?? new Date()).toISOString();
  const entries = discoverServices(workspaceRoot()).filter((s) => names.includes(s.name));
  const ports = new Map<string, number>();
  for (const entry of entries) ports.set(entry.name, await freePort());
  const base = (name: string) => `http://127.0.0.1:${ports.get(name)}`;
  const databaseUrl = await createTestDatabase('motcua_e2e');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: secret,
    API_KEYS: `e2e-portal:${portalKey}`,
    APPLICANT_REF_KEY: `e2e-applicant-ref-key-${suffix}-0123456789`,
    SIGNING_KEY_SECRET: `e2e-signing-key-secret-${suffix}-0123456789`,
    DOCUMENTS_DIR: mkdtempSync(join(tmpdir(), 'motcua-e2e-documents-')),
    PAYMENT_PLATFORM_URL: base('payment-platform'),
    PAYMENT_PLATFORM_API_KEY: merchantKey,
    PAYMENT_PLATFORM_MERCHANT_KEYS: merchantKey,
    PAYMENT_PLATFORM_SIGNING_SECRETS: callbackSecret,
    PAYMENT_CALLBACK_SECRETS: callbackSecret,
    PAYMENT_CALLBACK_URL: `${base('payment')}/v1/payment-callbacks`,
    KAFKA_GROUP_NAMESPACE: `e2e-${suffix}`,
    DEADLINE_CHECK_INTERVAL_MS: '3600000',
    CLOCK_EPOCH: options.epoch,
    CLOCK_SPEED: String(options.speed),
    CLOCK_REAL_START: realStart,
    LOG_LEVEL: options.env?.['LOG_LEVEL'] ?? 'warn',
  };
  const output: string[] = [];
  const running: RunningService[] = entries.map((entry) => startServiceProcess(entry, ports.get(entry.name) as number, env, (line) => output.push(`[${entry.name}] ${line}`)));
  const stop = async (graceMs?: number) => {
    await Promise.all(running.map((s) => s.stop(graceMs)));
  };
  try {
    await Promise.all(running.map((s) => s.ready(options.readyTimeoutMs ?? 300_000)));
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.slice(-40).join('\n')}`);
  }

  return {
    databaseUrl,
    portalKey,
    clock: new AcceleratedClock(new Date(options.epoch), options.speed, new Date(realStart)),
    url: base,
    token: (role, unit) => ({ authorization: `Bearer ${mintDevToken({ sub: `${role.toLowerCase()}-${unit}`, role: role as never, unit }, secret)}` }),
    call: async (service, method, path, headers, payload) => {
      const response = await fetch(`${base(service)}/v1${path}`, {
        method,
        headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    output: () => output,
    stop,
  };
}
