import { randomUUID } from 'node:crypto';
import { eventStoreMigrations, migrate, PgDatabase, PgEventStore } from '@motcua/event-store';
import { connectKafka, ensureTopics, EventRelay, KafkaPublisher, OutgoingMessage, toOutgoingMessage } from '@motcua/messaging';
import { printTable, timed } from './stats';

const EVENTS = Number(process.env['BENCH_RELAY_EVENTS'] ?? 20_000);
const BATCH = 500;

/** Relay throughput from the event log to Kafka beside raw kafkajs sendBatch of the same payloads. */
export async function benchRelay(databaseUrl: string, brokers: string[]): Promise<void> {
  const suffix = Date.now();
  const schema = `bench_relay_${suffix}`;
  const db = PgDatabase.connect(databaseUrl, { max: 10 });
  const kafka = connectKafka({ brokers, clientId: 'bench' });
  const relayTopic = `bench.relay.${suffix}`;
  const rawTopic = `bench.raw.${suffix}`;
  try {
    await migrate(db, schema, eventStoreMigrations);
    await ensureTopics(kafka, [relayTopic, rawTopic].map((topic) => ({ topic, numPartitions: 3 })));
    const store = new PgEventStore(db, schema);
    for (let i = 0; i < EVENTS; i += BATCH) {
      const stream = randomUUID();
      await store.append(
        stream,
        Array.from({ length: BATCH }, (_, n) => ({
          id: randomUUID(),
          type: 'DossierReceived',
          data: { seq: i + n, unit: 'H56.22', channel: 'ONLINE', code: `H56.22-251122-${String(n).padStart(4, '0')}` },
          metadata: { subject: randomUUID(), time: new Date(0).toISOString() },
        })),
      );
    }
    // The raw baseline sends exactly the messages the relay will send, pre-built, same producer settings.
    const payloads: OutgoingMessage[] = [];
    for (let after = { transactionId: '0', position: '0' }; ; ) {
      const page = await store.readAll(after, 5_000);
      if (page.events.length === 0) break;
      payloads.push(...page.events.map((e) => toOutgoingMessage(e, 'motcua/bench')));
      after = page.next;
    }
    const rawPublisher = new KafkaPublisher(kafka);
    await rawPublisher.publish(rawTopic, payloads.slice(0, 1));
    const raw = await timed(async () => {
      for (let i = 0; i < payloads.length; i += BATCH) await rawPublisher.publish(rawTopic, payloads.slice(i, i + BATCH));
    });
    await rawPublisher.close();

    const publisher = new KafkaPublisher(kafka);
    await publisher.publish(relayTopic, payloads.slice(0, 1));
    const relay = new EventRelay(db, schema, publisher, { topic: relayTopic, source: 'motcua/bench', batchSize: BATCH });
    const lastPosition = (await db.query<{ p: string }>(`select max(global_position) as p from "${schema}".events`)).rows[0].p;
    const relayed = await timed(async () => {
      relay.start();
      while (relay.status().position?.position !== lastPosition) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    await relay.stop();
    await publisher.close();
    const rawRate = payloads.length / raw.seconds;
    printTable(`Relay to Kafka (${payloads.length} events, ${BATCH} per batch)`, [
      { case: 'raw kafkajs sendBatch (idempotent, acks=all)', events: payloads.length, seconds: raw.seconds },
      { case: 'relay: read log, sendBatch, move checkpoint', events: payloads.length, seconds: relayed.seconds, baseline: rawRate },
    ]);
  } finally {
    await db.query(`drop schema "${schema}" cascade`).catch(() => undefined);
    await db.close();
  }
}
