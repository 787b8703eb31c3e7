import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Envelope, EventData, EventDefinition, headersOf, integrationEvents, Topics, topicSettings } from '@motcua/contracts';
import { EventStore, PgDatabase, PgEventStore } from '@motcua/event-store';
import { connectKafka, ensureTopics, KafkaPublisher } from '@motcua/messaging';
import { CLOCK, Clock, ConfigClass, createServiceApp, DATABASE, mintDevToken, Role, ServiceConfig } from '@motcua/platform';
import { Kafka } from 'kafkajs';
import { isolateService } from '../infra/test-database';
import { TopicReader } from './topic-reader';

export interface InProcessOptions<C extends ServiceConfig> {
  /** The service's name: its database schema and the key of its topic in `Topics`. */
  service: keyof typeof Topics & string;
  config?: ConfigClass<C>;
  bootstrap?: { multipart?: boolean; rawBody?: boolean };
  /** The service's own database and consumer groups (isolateService), or a database already made. */
  isolate: { prefix: string } | { databaseUrl: string; groupNamespace: string };
  /** Variables of the service's configuration, set before it reads them. */
  env?: Record<string, string>;
  /** Other services' topics the test publishes to. */
  topics?: string[];
  /** The time the service reads, instead of its own clock. */
  clock?: Clock;
  /** A port known before start (e.g. for a callback address in `env`); any free one otherwise. */
  port?: number;
}

const sourceOf = (topic: string) => `motcua/${Object.entries(Topics).find(([, name]) => name === topic)?.[0] ?? 'unknown'}`;

/**
 * One service in-process on real PostgreSQL and Kafka (its own database and consumer groups),
 * with officers' and the portal's credentials, other services' events published as real
 * envelopes, and its own topic read back as another service would read it.
 */
export class InProcessService {
  readonly jwtSecret: string;
  readonly portalKey: string;
  /** A second portal's key: what one portal submitted, the other must not see. */
  readonly otherPortalKey: string;
  readonly kafka: Kafka;
  app!: NestFastifyApplication;
  /** http://127.0.0.1:port/v1 */
  base = '';
  private readonly publisher: KafkaPublisher;
  private readonly reader: TopicReader;

  constructor(
    private readonly module: Type<unknown>,
    private readonly options: InProcessOptions<ServiceConfig>,
  ) {
    const suffix = randomBytes(4).toString('hex');
    this.jwtSecret = `${options.service}-test-jwt-${suffix}-0123456789abcdef`;
    this.portalKey = `${options.service}-test-portal-${suffix}-0123456789`;
    this.otherPortalKey = `${options.service}-other-portal-${suffix}-0123456789`;
    this.kafka = connectKafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), clientId: `${options.service}-test-peers` });
    this.publisher = new KafkaPublisher(this.kafka);
    this.reader = new TopicReader(this.kafka, Topics[options.service]);
  }

  get db(): PgDatabase {
    return this.app.get<PgDatabase>(DATABASE);
  }

  get store(): EventStore {
    return new PgEventStore(this.db, this.options.service);
  }

  /** A new app on the same database, consumer groups and credentials (a restart). */
  async boot(): Promise<void> {
    const clock = this.options.clock;
    this.app = await createServiceApp(this.module, {
      service: this.options.service,
      defaultPort: 0,
      config: this.options.config,
      ...this.options.bootstrap,
      createApplication: clock
        ? async (m, adapter, appOptions) =>
            (await Test.createTestingModule({ imports: [m] }).overrideProvider(CLOCK).useValue(clock).compile()).createNestApplication<NestFastifyApplication>(adapter, appOptions)
        : undefined,
    });
    await this.app.listen(this.options.port ?? 0, '127.0.0.1');
    this.base = `http://127.0.0.1:${(this.app.getHttpServer().address() as AddressInfo).port}/v1`;
  }

  officer(role: Exclude<Role, 'PORTAL'>, unit: string, sub = `${role.toLowerCase()}@${unit}`): Record<string, string> {
    return { authorization: `Bearer ${mintDevToken({ sub, role, unit }, this.jwtSecret)}` };
  }

  /** The portal `test-portal`, or with 'other' the portal `other-portal`. */
  portal(which: 'test' | 'other' = 'test'): Record<string, string> {
    return { 'x-api-key': which === 'test' ? this.portalKey : this.otherPortalKey };
  }

  /** Another service's event as it would publish it: a real envelope, keyed by its subject. */
  async publish<D extends EventDefinition>(topic: string, definition: D, subject: string, data: EventData<D>, time: string): Promise<Envelope> {
    const envelope = integrationEvents.createEnvelope(definition, { source: sourceOf(topic), subject, time, data }) as Envelope;
    await this.send(topic, envelope);
    return envelope;
  }

  send(topic: string, ...envelopes: Envelope[]): Promise<void> {
    return this.publisher.publish(topic, envelopes.map((e) => ({ key: e.subject, value: integrationEvents.encode(e), headers: headersOf(e) })));
  }

  /** The service's own topic as a consumer sees it, for these keys, in order: only events this app stored (other specs' apps publish there too). */
  async published(...keys: string[]): Promise<Envelope[]> {
    const seen = await this.reader.byKeys(keys);
    const { rows } = await this.db.query<{ event_id: string }>(`select event_id from ${this.options.service}.events where event_id = any($1::uuid[])`, [seen.map((e) => e.id)]);
    const ours = new Set(rows.map((r) => r.event_id));
    return seen.filter((e) => ours.has(e.id));
  }

  async count(sql: string, values: unknown[] = []): Promise<number> {
    return Number((await this.db.query<{ n: string }>(sql, values)).rows[0].n);
  }

  async close(): Promise<void> {
    await this.reader.close();
    await this.publisher.close();
    await this.app?.close();
  }
}

/** Sets the service's environment, isolates it, creates the topics the test publishes to, and starts it. */
export async function startInProcessService<C extends ServiceConfig>(module: Type<unknown>, options: InProcessOptions<C>): Promise<InProcessService> {
  const service = new InProcessService(module, options as InProcessOptions<ServiceConfig>);
  Object.assign(process.env, { JWT_SECRET: service.jwtSecret, API_KEYS: `test-portal:${service.portalKey},other-portal:${service.otherPortalKey}`, ...options.env });
  if ('prefix' in options.isolate) await isolateService(options.isolate.prefix);
  else Object.assign(process.env, { DATABASE_URL: options.isolate.databaseUrl, KAFKA_GROUP_NAMESPACE: options.isolate.groupNamespace });
  if (options.topics?.length) await ensureTopics(service.kafka, options.topics.map((topic) => topicSettings(topic, 3)));
  await service.boot();
  return service;
}
