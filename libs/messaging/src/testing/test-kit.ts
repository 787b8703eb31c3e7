import { randomBytes } from 'node:crypto';
import { eventStoreMigrations, migrate, PgDatabase, PgEventStore } from '@motcua/event-store';
import { Kafka } from 'kafkajs';
import { connectKafka } from '../kafka/kafka-connection';
import { ensureTopics } from '../kafka/topics';
import { messagingMigrations } from '../inbox/inbox.migrations';

export interface TestKit {
  db: PgDatabase;
  store: PgEventStore;
  schema: string;
  kafka: Kafka;
  topic: string;
  close(): Promise<void>;
}

/** A fresh schema, a fresh topic and its DLQ namespace on the run's PostgreSQL and Kafka. */
export async function openTestKit(prefix: string, partitions = 3): Promise<TestKit> {
  const suffix = randomBytes(4).toString('hex');
  const schema = `${prefix}_${suffix}`;
  const db = PgDatabase.connect(String(process.env['DATABASE_URL']), { max: 40 });
  await migrate(db, schema, [...eventStoreMigrations, ...messagingMigrations]);
  const kafka = connectKafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), clientId: `test-${suffix}` });
  const topic = `test.${prefix}.${suffix}`;
  await ensureTopics(kafka, [{ topic, numPartitions: partitions, config: { 'retention.ms': '-1' } }]);
  return { db, store: new PgEventStore(db, schema), schema, kafka, topic, close: () => db.close() };
}
