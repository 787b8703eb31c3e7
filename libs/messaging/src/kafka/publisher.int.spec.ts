import { randomBytes } from 'node:crypto';
import { connectKafka } from './kafka-connection';
import { KafkaPublisher, OutgoingMessage } from './publisher';
import { ensureTopics } from './topics';
import { until } from '../testing/until';

describe('KafkaPublisher (real Kafka)', () => {
  const suffix = randomBytes(4).toString('hex');
  const kafka = connectKafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), clientId: `publisher-${suffix}` });
  const own = `test.publisher.own.${suffix}`;
  const other = `test.publisher.other.${suffix}`;

  it('delivers one batch to several topics, each key in order on its topic', async () => {
    await ensureTopics(kafka, [own, other].map((topic) => ({ topic, numPartitions: 3 })));
    const messages: OutgoingMessage[] = [];
    for (let seq = 1; seq <= 20; seq++) {
      messages.push({ key: `dossier-${seq % 4}`, value: String(seq), headers: {} });
      messages.push({ key: `procedure-${seq % 3}`, value: String(seq), headers: {}, topic: other });
    }
    const publisher = new KafkaPublisher(kafka);
    const received: Record<string, { key: string; seq: number }[]> = { [own]: [], [other]: [] };
    const consumer = kafka.consumer({ groupId: `publisher-reader-${suffix}` });
    try {
      await publisher.publish(own, messages);
      await consumer.connect();
      await consumer.subscribe({ topics: [own, other], fromBeginning: true });
      await consumer.run({ eachMessage: async ({ topic, message }) => void received[topic].push({ key: String(message.key), seq: Number(String(message.value)) }) });
      await until(() => received[own].length + received[other].length >= messages.length, 'every message consumed');
    } finally {
      await consumer.disconnect();
      await publisher.close();
    }
    expect(received[own]).toHaveLength(20);
    expect(received[other]).toHaveLength(20);
    expect(received[own].every((m) => m.key.startsWith('dossier-'))).toBe(true);
    expect(received[other].every((m) => m.key.startsWith('procedure-'))).toBe(true);
    for (const topic of [own, other]) {
      const byKey = new Map<string, number[]>();
      for (const m of received[topic]) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m.seq]);
      for (const sequence of byKey.values()) expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
    }
  });
});
