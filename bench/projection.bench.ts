import { randomUUID } from 'node:crypto';
import { headersOf, integrationEvents } from '@motcua/contracts';
import { connectKafka, ensureTopics, KafkaPublisher, silentLogger } from '@motcua/messaging';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PROJECTION_FETCH_BYTES_PER_PARTITION, ProjectionConsumer } from '../services/projections/src/api/kafka/projection-consumer';
import { BatchProjector } from '../services/projections/src/application/project-batch/batch-projector';
import { projectionsDataSourceOptions } from '../services/projections/src/database/projections-data-source';
import { wholeLife } from '../services/projections/src/testing/dossier-life.fixtures';
import { printTable, timed } from './stats';

const DOSSIERS = Number(process.env['BENCH_PROJECTION_DOSSIERS'] ?? 2000);
const PARTITIONS = 3;

/**
 * Events applied per second by the projection (facts fold, timeline, claimed ids, offsets) from a
 * topic pre-filled with whole dossier lives, beside raw kafkajs eachBatch storing the same events
 * with one multi-row INSERT per batch, on the same topic in one run.
 */
export async function benchProjection(databaseUrl: string, brokers: string[]): Promise<void> {
  const suffix = Date.now();
  const schema = `bench_projection_${suffix}`;
  const topic = `bench.projection.${suffix}`;
  const kafka = connectKafka({ brokers, clientId: 'bench' });
  const dataSource = new DataSource({ ...projectionsDataSourceOptions(databaseUrl, schema), extra: { max: 10 } });
  await dataSource.initialize();
  try {
    await dataSource.query(`create schema ${schema}`);
    await dataSource.runMigrations();
    await ensureTopics(kafka, [{ topic, numPartitions: PARTITIONS }]);
    const events = Array.from({ length: DOSSIERS }, (_, i) => wholeLife(randomUUID(), `H56.22-250106-${String(i).padStart(4, '0')}`)).flat();
    const publisher = new KafkaPublisher(kafka);
    for (let i = 0; i < events.length; i += 500) {
      const batch = events.slice(i, i + 500).map(({ envelope }) => ({ key: envelope.subject, value: integrationEvents.encode(envelope), headers: headersOf(envelope) }));
      await publisher.publish(topic, batch);
    }
    await publisher.close();

    await dataSource.query(`create table ${schema}.raw_events (event_id uuid primary key, dossier_id text not null, type text not null, data jsonb not null)`);
    const raw = await rawEachBatch(kafka, topic, databaseUrl, schema, events.length);
    const projector = new BatchProjector(dataSource, schema);
    const consumer = new ProjectionConsumer(kafka, new KafkaPublisher(kafka), projector, { group: `bench-projection-${suffix}`, topics: [topic], logger: silentLogger, concurrency: PARTITIONS });
    await consumer.start();
    const projected = await fromJoin(() => consumer.ready, () => consumer.counters.applied, events.length, () => consumer.counters.batches);
    await consumer.stop();
    const rate = (m: Measured) => m.events / m.seconds;
    printTable(`Projection: whole dossier lives (${DOSSIERS} dossiers, ${events.length} events, ${PARTITIONS} partitions), from the group join`, [
      { case: 'raw eachBatch + one multi-row INSERT/batch', ...raw },
      { case: 'projection (facts, timeline, ids, offsets)', ...projected, baseline: rate(raw) },
    ]);
    process.stdout.write(`projection/raw ratio: ${(rate(projected) / rate(raw)).toFixed(3)}\n`);
    for (const [name, m] of [['raw', raw], ['projection', projected]] as const) {
      process.stdout.write(`${name}: ${m.batches} batches, bench process CPU ${((m.cpuSeconds / m.events) * 1e6).toFixed(0)} µs/event (${(m.events / m.cpuSeconds).toFixed(0)} events per CPU second)\n`);
    }
  } finally {
    await dataSource.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await dataSource.destroy();
  }
}

interface Measured {
  events: number;
  seconds: number;
  /** This process's CPU over the same span: on a shared machine it moves far less than the wall clock. */
  cpuSeconds: number;
  batches: number;
}

/** Timed from the consumer group's join, which takes seconds and differs between runs, to the last event applied. */
async function fromJoin(joined: () => boolean, applied: () => number, total: number, batches: () => number): Promise<Measured> {
  while (!joined()) await new Promise((resolve) => setTimeout(resolve, 1));
  const cpu = process.cpuUsage();
  const { seconds } = await timed(async () => {
    while (applied() < total) await new Promise((resolve) => setTimeout(resolve, 5));
  });
  const used = process.cpuUsage(cpu);
  return { events: total, seconds, cpuSeconds: (used.user + used.system) / 1e6, batches: batches() };
}

/** The baseline: decode each batch and store its events as rows in one statement, offsets committed per batch; fetched as the projection fetches. */
async function rawEachBatch(kafka: Kafka, topic: string, databaseUrl: string, schema: string, total: number): Promise<Measured> {
  const clients = await Promise.all(Array.from({ length: PARTITIONS }, async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return client;
  }));
  const consumer = kafka.consumer({ groupId: `bench-projection-raw-${randomUUID()}`, maxBytesPerPartition: PROJECTION_FETCH_BYTES_PER_PARTITION });
  let done = 0;
  let batches = 0;
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    joined = true;
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch, heartbeat }) => {
      const rows = batch.messages.map((message) => integrationEvents.decode(message.value));
      if (rows.length > 0) {
        const client = clients[batch.partition % PARTITIONS];
        const values = rows.flatMap((e) => [e.id, e.subject, e.type, JSON.stringify(e.data)]);
        const tuples = rows.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ');
        await client.query('begin');
        await client.query(`insert into ${schema}.raw_events (event_id, dossier_id, type, data) values ${tuples} on conflict do nothing`, values);
        await client.query('commit');
      }
      await consumer.commitOffsets([{ topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() }]);
      done += rows.length;
      batches += 1;
      await heartbeat();
    },
  });
  const measured = await fromJoin(() => joined, () => done, total, () => batches);
  await consumer.disconnect();
  await Promise.all(clients.map((client) => client.end()));
  return measured;
}
