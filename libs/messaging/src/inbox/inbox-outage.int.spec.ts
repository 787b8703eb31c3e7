import { randomBytes, randomUUID } from 'node:crypto';
import { DossierWithdrawn, integrationEvents } from '@motcua/contracts';
import { eventStoreMigrations, migrate, PgDatabase } from '@motcua/event-store';
import { Kafka } from 'kafkajs';
import { connectKafka } from '../kafka/kafka-connection';
import { KafkaPublisher } from '../kafka/publisher';
import { ensureTopics } from '../kafka/topics';
import { DedicatedPostgres, startDedicatedPostgres } from '../testing/dedicated-postgres';
import { countingHandler, createEffects } from '../testing/effects';
import { until } from '../testing/until';
import { InboxConsumer } from './inbox-consumer';
import { messagingMigrations } from './inbox.migrations';
import { ParkedMessageDrain } from './parked-message-drain';

const time = '2026-11-22T03:00:00.000Z';
const withdrawn = (dossierId: string) =>
  integrationEvents.createEnvelope(DossierWithdrawn, {
    source: 'motcua/intake',
    subject: dossierId,
    time,
    data: { dossierId, code: 'H56.22-261122-0001', withdrawnAt: time },
  });

describe('InboxConsumer through a PostgreSQL outage (its own PostgreSQL, the shared Kafka)', () => {
  let postgres: DedicatedPostgres;
  let db: PgDatabase;
  let kafka: Kafka;
  let publisher: KafkaPublisher;
  let consumer: InboxConsumer | undefined;
  const schema = `outage_${randomBytes(4).toString('hex')}`;
  const topic = `test.${schema}`;
  const group = `g-${randomUUID()}`;

  beforeAll(async () => {
    postgres = await startDedicatedPostgres();
    db = PgDatabase.connect(postgres.url, { max: 10, connectionTimeoutMillis: 2_000 });
    await migrate(db, schema, [...eventStoreMigrations, ...messagingMigrations]);
    await createEffects(db, schema);
    kafka = connectKafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), clientId: schema });
    await ensureTopics(kafka, [
      { topic, numPartitions: 3, config: { 'retention.ms': '-1' } },
      { topic: `${topic}.dlq.${group}`, numPartitions: 1 },
    ]);
    publisher = new KafkaPublisher(kafka);
  }, 120_000);
  afterAll(async () => {
    await consumer?.stop();
    await publisher?.close();
    await db?.close();
    await postgres?.close();
  });

  it('stops PostgreSQL for 15 s under traffic: 0 dead letters, 0 lost, 0 applied twice', async () => {
    consumer = new InboxConsumer(kafka, db, schema, publisher, new ParkedMessageDrain(db, schema), {
      group,
      topic,
      handle: countingHandler(db, schema),
      decode: (value) => integrationEvents.decode(value),
      sessionTimeoutMs: 10_000,
    });
    await consumer.start();
    const sent: string[] = [];
    let sending = true;
    const traffic = (async () => {
      while (sending) {
        const batch = Array.from({ length: 5 }, () => withdrawn(randomUUID()));
        await publisher.publish(topic, batch.map((m) => ({ key: m.subject, value: JSON.stringify(m), headers: { ce_id: m.id } })));
        sent.push(...batch.map((m) => m.subject));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const running = consumer;
    await until(() => running.counters.applied >= 50, 'traffic applied before the outage');
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    await postgres.start();
    const handled = () => running.counters.applied + running.counters.deadLettered;
    const atRestart = sent.length;
    await until(() => handled() >= atRestart + 50, 'traffic handled after the outage', 120_000);
    sending = false;
    await traffic;

    await until(() => handled() >= sent.length, 'every message handled', 120_000);
    const { rows } = await db.query<{ subject: string; applied: number }>(`select subject, applied from "${schema}".effects`);
    const applied = new Map(rows.map((row) => [row.subject, row.applied]));
    expect({
      deadLettered: running.counters.deadLettered,
      lost: sent.filter((subject) => !applied.has(subject)).length,
      appliedTwice: rows.filter((row) => row.applied > 1).length,
    }).toEqual({ deadLettered: 0, lost: 0, appliedTwice: 0 });
  }, 300_000);
});
