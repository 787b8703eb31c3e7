import { randomUUID } from 'node:crypto';
import { DossierWithdrawn, integrationEvents } from '@motcua/contracts';
import { eventStoreMigrations, migrate, PgDatabase, PgEventStore } from '@motcua/event-store';
import { connectKafka, ensureTopics, InboxConsumer, KafkaPublisher, messagingMigrations, MessageHandler, ParkedMessageDrain } from '@motcua/messaging';
import { Kafka } from 'kafkajs';
import { printTable, timed } from './stats';

const MESSAGES = Number(process.env['BENCH_CONSUMER_MESSAGES'] ?? 10_000);
const PARTITIONS = 3;
const time = '2026-11-22T03:00:00.000Z';

/**
 * Consumed messages per second through the inbox (record, handler appending one event, offsets)
 * beside raw kafkajs eachBatch doing the same append with no inbox, on the same topic in one run.
 */
export async function benchConsumer(databaseUrl: string, brokers: string[]): Promise<void> {
  const suffix = Date.now();
  const schema = `bench_consumer_${suffix}`;
  const topic = `bench.consumer.${suffix}`;
  const db = PgDatabase.connect(databaseUrl, { max: 20 });
  const kafka = connectKafka({ brokers, clientId: 'bench' });
  try {
    await migrate(db, schema, [...eventStoreMigrations, ...messagingMigrations]);
    await ensureTopics(kafka, [{ topic, numPartitions: PARTITIONS }]);
    const publisher = new KafkaPublisher(kafka);
    for (let i = 0; i < MESSAGES; i += 500) {
      const batch = Array.from({ length: Math.min(500, MESSAGES - i) }, () => {
        const dossierId = randomUUID();
        const data = { dossierId, code: 'H56.22-261122-0001', withdrawnAt: time };
        return integrationEvents.createEnvelope(DossierWithdrawn, { source: 'motcua/bench', subject: dossierId, time, data });
      });
      await publisher.publish(topic, batch.map((m) => ({ key: m.subject, value: JSON.stringify(m), headers: { ce_id: m.id } })));
    }
    await publisher.close();
    const store = new PgEventStore(db, schema);
    // The handler both cases run: one event appended to the dossier's stream.
    const appendOne: MessageHandler = async (envelope) => {
      await store.append(`bench-${envelope.subject}`, [{ id: randomUUID(), type: 'Noted', data: { of: envelope.id }, metadata: { subject: envelope.subject, time } }]);
    };

    const raw = await timed(() => rawEachBatch(kafka, topic, appendOne));
    const drain = new ParkedMessageDrain(db, schema);
    const consumer = new InboxConsumer(kafka, db, schema, new KafkaPublisher(kafka), drain, {
      group: `bench-inbox-${suffix}`,
      topic,
      handle: appendOne,
      handles: ['DossierWithdrawn'],
      decode: (value) => integrationEvents.decode(value),
    });
    const inbox = await timed(async () => {
      await consumer.start();
      while (consumer.counters.applied < MESSAGES) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    await consumer.stop();
    printTable(`Consumer: each message appends one event (${MESSAGES} messages, ${PARTITIONS} partitions)`, [
      { case: 'raw kafkajs eachBatch + append, no inbox', events: MESSAGES, seconds: raw.seconds },
      { case: 'InboxConsumer (inbox, lock, offsets)', events: MESSAGES, seconds: inbox.seconds, baseline: MESSAGES / raw.seconds },
    ]);
  } finally {
    await db.query(`drop schema "${schema}" cascade`).catch(() => undefined);
    await db.close();
  }
}

/** The baseline: what a consumer without an inbox does — decode, apply in a transaction, commit offsets per batch. */
async function rawEachBatch(kafka: Kafka, topic: string, handle: MessageHandler): Promise<void> {
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}` });
  let done = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      for (const message of batch.messages) {
        const envelope = integrationEvents.decode(message.value);
        await handle(envelope, { topic, partition: batch.partition, offset: message.offset, headers: {} });
        resolveOffset(message.offset);
        done += 1;
      }
      await consumer.commitOffsets([{ topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() }]);
      await heartbeat();
    },
  });
  while (done < MESSAGES) await new Promise((resolve) => setTimeout(resolve, 5));
  await consumer.disconnect();
}
