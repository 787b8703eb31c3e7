/**
 * A consumer process that dies (SIGKILL) right after a message's transaction commits and before
 * its offset is committed: the worst moment for exactly-once. Started by inbox-consumer.int.spec.
 */
import { integrationEvents } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { connectKafka } from '../kafka/kafka-connection';
import { KafkaPublisher } from '../kafka/publisher';
import { InboxConsumer } from '../inbox/inbox-consumer';
import { ParkedMessageDrain } from '../inbox/parked-message-drain';
import { countingHandler } from './effects';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const db = PgDatabase.connect(env('DATABASE_URL'));
const schema = env('TEST_SCHEMA');
const kafka = connectKafka({ brokers: env('KAFKA_BROKERS').split(','), clientId: 'crashing-consumer' });
const consumer = new InboxConsumer(kafka, db, schema, new KafkaPublisher(kafka), new ParkedMessageDrain(db, schema), {
  group: env('TEST_GROUP'),
  topic: env('TEST_TOPIC'),
  decode: (value) => integrationEvents.decode(value),
  handle: countingHandler(db, schema),
  sessionTimeoutMs: 6_000,
  afterCommit: () => {
    process.kill(process.pid, 'SIGKILL');
  },
});
void consumer.start();
