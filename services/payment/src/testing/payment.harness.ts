import { randomBytes, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DossierReceived, Envelope, EventData, EventDefinition, Topics } from '@motcua/contracts';
import { EventStore, PgDatabase } from '@motcua/event-store';
import { FixedClock, Role } from '@motcua/platform';
import { discoverServices, dossierReceived, eventually, freePort, InProcessService, RunningService, startInProcessService, startServiceProcess, workspaceRoot } from '@motcua/testing';
import { PaymentConfig } from '../payment.config';
import { PaymentModule } from '../payment.module';

/** Waits on Kafka allow for a consumer group that is still forming. */
export const KAFKA_WAIT = { timeoutMs: 60_000 };

/**
 * The payment service in-process on real PostgreSQL and Kafka, beside the simulated platform as
 * its own process: intake's and processing's events are published to their real topics, the
 * platform calls back over HTTP.
 */
export class PaymentHarness {
  readonly suffix = randomBytes(4).toString('hex');
  readonly merchantKey = `payment-e2e-merchant-${this.suffix}`;
  /** The platform signs with the new secret; the service also accepts the old one (a rotation). */
  readonly secrets = { current: `whsec-current-${this.suffix}-0123456789abcdef`, previous: `whsec-previous-${this.suffix}-0123456789abcdef` };
  /** Domain time, before anything another test left on the shared topics could fall due. */
  readonly clock = new FixedClock(new Date('2024-01-08T02:00:00.000Z'));
  platformBase = '';
  private service!: InProcessService;
  private platform!: RunningService;
  private readonly output: string[] = [];

  async start(): Promise<void> {
    const platformPort = await freePort();
    const port = await freePort();
    this.platformBase = `http://127.0.0.1:${platformPort}`;
    const entry = discoverServices(workspaceRoot()).find((s) => s.name === 'payment-platform');
    if (!entry) throw new Error('services/payment-platform is missing');
    this.platform = startServiceProcess(entry, platformPort, {
      ...process.env,
      PAYMENT_PLATFORM_MERCHANT_KEYS: this.merchantKey,
      PAYMENT_PLATFORM_SIGNING_SECRETS: this.secrets.current,
      PAYMENT_PLATFORM_RETRY_BASE_MS: '200',
      LOG_LEVEL: 'warn',
    }, (line) => this.output.push(line));
    const env: Partial<Record<keyof PaymentConfig, string>> = {
      PAYMENT_PLATFORM_URL: this.platformBase,
      PAYMENT_PLATFORM_API_KEY: this.merchantKey,
      PAYMENT_CALLBACK_URL: `http://127.0.0.1:${port}/v1/payment-callbacks`,
      PAYMENT_CALLBACK_SECRETS: `${this.secrets.current},${this.secrets.previous}`,
      // The passes run when the test says so.
      PAYMENT_WORK_INTERVAL_MS: '3600000',
    };
    this.service = await startInProcessService(PaymentModule, {
      service: 'payment',
      config: PaymentConfig,
      bootstrap: { rawBody: true },
      isolate: { prefix: 'payment_e2e' },
      env: env as Record<string, string>,
      topics: [Topics.intake, Topics.processing],
      clock: this.clock,
      port,
    });
    await this.platform.ready(60_000).catch((error: Error) => Promise.reject(new Error(`${error.message}\n${this.output.join('\n')}`)));
  }

  async stop(): Promise<void> {
    await this.service?.close();
    await this.platform?.stop();
  }

  get app(): NestFastifyApplication {
    return this.service.app;
  }

  get base(): string {
    return this.service.base;
  }

  get store(): EventStore {
    return this.service.store;
  }

  get db(): PgDatabase {
    return this.service.db;
  }

  portal = (which: 'test' | 'other' = 'test') => this.service.portal(which);
  officer = (role: Exclude<Role, 'PORTAL'>, unit: string) => this.service.officer(role, unit);
  count = (sql: string, values: unknown[] = []) => this.service.count(sql, values);

  async call(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.base}${path}`, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async simulator(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.platformBase}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  }

  publish<D extends EventDefinition>(definition: D, topic: string, subject: string, time: string, data: EventData<D>): Promise<Envelope> {
    return this.service.publish(topic, definition, subject, data, time);
  }

  /** Intake receives a dossier now; payment assesses it from Kafka. Returns the dossier id. */
  async receive(overrides: Parameters<typeof dossierReceived>[0] = {}): Promise<string> {
    const dossierId = randomUUID();
    const data = dossierReceived({ dossierId, receivedAt: this.clock.now().toISOString(), dueAt: '2024-01-22T02:00:00.000Z', ...overrides });
    await this.publish(DossierReceived, Topics.intake, dossierId, data.receivedAt, data);
    await eventually(() => this.types(dossierId), (types) => types.includes('FeeAssessed'), { ...KAFKA_WAIT, what: 'the fees assessed from Kafka' });
    return dossierId;
  }

  async types(dossierId: string): Promise<string[]> {
    return (await this.store.readStream(dossierId)).map((e) => e.type);
  }

  /** Payment's topic as processing reads it, for one dossier: the events this app stored. */
  async publishedTypes(dossierId: string, done: (types: string[]) => boolean): Promise<string[]> {
    return eventually(async () => (await this.service.published(dossierId)).map((e) => e.type), done, { ...KAFKA_WAIT, what: `payment's events for ${dossierId}` });
  }
}
