import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Envelope } from '@motcua/contracts';
import { EventStore, PgDatabase } from '@motcua/event-store';
import { createServiceApp, DATABASE, PlatformModule } from '@motcua/platform';
import { ConfigResourceTypes, Kafka } from 'kafkajs';
import { appliedCount } from '../testing/effects';
import { until } from '../testing/until';
import { EVENT_STORE, IntegrationEventHandler, KAFKA } from './messaging.options';
import { MessagingModule } from './messaging.module';

const service = `svc_${randomBytes(4).toString('hex')}`;
const topic = `test.${service}.events.v1`;

@Injectable()
class CountWithdrawals implements IntegrationEventHandler {
  readonly handles = ['DossierWithdrawn'] as const;

  constructor(@Inject(DATABASE) private readonly db: PgDatabase) {}
  async handle(envelope: Envelope): Promise<void> {
    await this.db.query(
      `insert into "${service}".effects (subject, applied) values ($1, 1) on conflict (subject) do update set applied = effects.applied + 1`,
      [envelope.subject],
    );
  }
}

@Module({
  imports: [
    PlatformModule.forRoot({ service }),
    MessagingModule.forRoot({
      service,
      publishes: topic,
      consumes: [{ topic, handler: CountWithdrawals }],
      partitions: 2,
      migrations: [{ id: 'test/001_effects', up: (s) => `create table ${s}.effects (subject text primary key, applied integer not null)` }],
    }),
  ],
  providers: [CountWithdrawals],
})
class LoopbackServiceModule {}

describe('MessagingModule in a running service (real PostgreSQL and Kafka)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    process.env['JWT_SECRET'] ??= 'messaging-module-test-secret-0123456789';
    app = await createServiceApp(LoopbackServiceModule, { service, defaultPort: 0 });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  it('migrates, creates its topic to keep forever, relays what it appends and consumes it once, and reports ready', async () => {
    const kafka = app.get<Kafka>(KAFKA);
    const admin = kafka.admin();
    await admin.connect();
    const configs = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }] });
    await admin.disconnect();
    expect(configs.resources[0].configEntries[0].configValue).toBe('-1');

    const dossierId = randomUUID();
    const store = app.get<EventStore>(EVENT_STORE);
    await store.append(dossierId, [
      {
        id: randomUUID(),
        type: 'DossierWithdrawn',
        data: { dossierId, code: 'H56.22-261122-0009', withdrawnAt: '2026-11-22T03:00:00.000Z' },
        metadata: { subject: dossierId, time: '2026-11-22T03:00:00.000Z' },
      },
    ]);
    const db = app.get<PgDatabase>(DATABASE);
    const deadline = Date.now() + 60_000;
    while ((await appliedCount(db, service, dossierId)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await appliedCount(db, service, dossierId)).toBe(1);

    const url = await app.getUrl();
    const ready = (await (await fetch(`${url.replace('[::1]', '127.0.0.1')}/health/ready`)).json()) as { status: string; details: Record<string, { status: string }> };
    expect(ready.status).toBe('ok');
    expect(ready.details).toMatchObject({ database: { status: 'up' }, kafka: { status: 'up' }, [`relay:${topic}`]: { status: 'up' }, [`consumer:${topic}`]: { status: 'up' } });
    // The consumer counts a batch and its lag after its commit and heartbeat: look until they are in.
    const consumerLag = new RegExp(`motcua_consumer_lag_messages\\{[^}]*topic="${topic.replace(/\./g, '\\.')}"[^}]*\\} 0`);
    const scrape = async () => (await fetch(`${url.replace('[::1]', '127.0.0.1')}/metrics`)).text();
    let metrics = '';
    await until(async () => consumerLag.test((metrics = await scrape())), "the consumer's lag counted");
    expect(metrics).toMatch(new RegExp(`motcua_consumer_messages\\{[^}]*outcome="applied"[^}]*\\} 1`));
    expect(metrics).toMatch(/motcua_relay_position\{[^}]*\} [1-9]/);
    expect(metrics).toMatch(/motcua_broker_up\{[^}]*\} 1/);
    expect(metrics).toMatch(/motcua_component_up\{[^}]*component="database"[^}]*\} 1/);
    expect(metrics).toMatch(/motcua_relay_unpublishable_events\{[^}]*\} 0/);
    expect(metrics).toMatch(/motcua_events_appended\{[^}]*\} [1-9]/);
    expect(metrics).toMatch(/motcua_events_published\{[^}]*\} [1-9]/);
    expect(metrics).toMatch(/motcua_relay_lag_events\{[^}]*\} [01]\n/);
    expect(metrics).toMatch(consumerLag);
    expect(metrics).toMatch(/motcua_parked_messages\{[^}]*reason="NOT_YET_KNOWN"[^}]*\} 0/);
    expect(metrics).toMatch(/motcua_parked_oldest_age_seconds\{[^}]*reason="UNKNOWN_VERSION"[^}]*\} 0/);
    expect(metrics).toMatch(/motcua_dead_letters_open(\{[^}]*\})? 0/);
  });
});
