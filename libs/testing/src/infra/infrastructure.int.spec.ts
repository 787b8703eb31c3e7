import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { uniqueName } from '../names';

describe('test infrastructure', () => {
  it('gives a PostgreSQL that answers queries', async () => {
    const client = new Client({ connectionString: process.env['DATABASE_URL'] });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string }>('select version()');
      expect(rows[0].version).toMatch(/^PostgreSQL \d+/);
    } finally {
      await client.end();
    }
  });

  it('gives a Kafka broker that round-trips a message through a consumer group', async () => {
    const kafka = new Kafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), logLevel: logLevel.NOTHING });
    const topic = uniqueName('infra');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'hello' }] });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: uniqueName('group') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<string>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => resolve(String(message.value)) });
    });
    await consumer.disconnect();
    expect(received).toBe('hello');
  });
});
