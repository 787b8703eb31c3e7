import { randomBytes, randomUUID } from 'node:crypto';
import { Consumer } from 'kafkajs';
import { EventPublisher, KafkaPublisher, OutgoingMessage } from '../kafka/publisher';
import { ensureTopics } from '../kafka/topics';
import { Logger } from '../logger';
import { openTestKit, TestKit } from '../testing/test-kit';
import { until } from '../testing/until';
import { EventRelay } from './event-relay';

/** A topic far smaller than the broker's default limit, so that a few kilobytes exceed it. */
const LIMIT = 20_000;

/** Records what each send carried, uncompressed, and whether the broker took it. */
class MeasuringPublisher implements EventPublisher {
  readonly taken: number[] = [];
  refused = 0;
  constructor(private readonly inner: EventPublisher) {}
  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    const bytes = messages.reduce((sum, m) => sum + Buffer.byteLength(m.value), 0);
    try {
      await this.inner.publish(topic, messages);
      this.taken.push(bytes);
    } catch (error) {
      this.refused += 1;
      throw error;
    }
  }
  close() {
    return this.inner.close();
  }
}

describe('EventRelay against the broker message size limit', () => {
  let kit: TestKit;
  let topic: string;
  let consumer: Consumer;
  const received: string[] = [];

  beforeEach(async () => {
    kit = await openTestKit('relay_limits', 1);
    topic = `${kit.topic}.small`;
    await ensureTopics(kit.kafka, [{ topic, numPartitions: 1, config: { 'max.message.bytes': String(LIMIT) } }]);
    received.length = 0;
    consumer = kit.kafka.consumer({ groupId: `${topic}.reader` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push((JSON.parse(String(message.value)) as { id: string }).id) });
  });
  afterEach(async () => {
    await consumer.disconnect();
    await kit.close();
  });

  /** Stored directly, as rows stored before the store-time check (or under a larger limit) are. */
  const store = async (data: () => unknown, count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      ids.push(id);
      await kit.store.append(`dossier-${id}`, [{ id, type: 'Sized', data: data(), metadata: { subject: `dossier-${id}` } }]);
    }
    return ids;
  };
  const text = (bytes: number) => ({ note: 'thủ tục hành chính '.repeat(Math.ceil(bytes / 20)).slice(0, bytes) });
  const noise = (bytes: number) => ({ blob: randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64') });

  async function run(publisher: EventPublisher, logger?: Logger) {
    const relay = new EventRelay(kit.db, kit.schema, publisher, { topic, source: 'motcua/test', batchSize: 100, logger });
    relay.start();
    return relay;
  }

  it('sends a batch larger than the topic limit in one compressed request', async () => {
    // One append: the 60 events become readable together, so the relay reads them as one batch.
    const stream = `dossier-${randomUUID()}`;
    const events = Array.from({ length: 60 }, () => ({ id: randomUUID(), type: 'Sized', data: text(1_000), metadata: { subject: stream } }));
    await kit.store.append(stream, events);
    const ids = events.map((e) => e.id);
    const publisher = new MeasuringPublisher(new KafkaPublisher(kit.kafka));
    const relay = await run(publisher);
    try {
      await until(() => received.length >= ids.length, 'every event on the topic');
      expect(received).toEqual(ids);
      expect(publisher.refused).toBe(0);
      expect(publisher.taken).toHaveLength(1);
      expect(publisher.taken[0]).toBeGreaterThan(LIMIT);
    } finally {
      await relay.stop();
      await publisher.close();
    }
  });

  it('halves a batch the broker refuses until its parts fit, in order', async () => {
    const ids = await store(() => noise(1_000), 60);
    const publisher = new KafkaPublisher(kit.kafka);
    const relay = await run(publisher);
    try {
      await until(() => received.length >= ids.length, 'every event on the topic');
      expect(received).toEqual(ids);
    } finally {
      await relay.stop();
      await publisher.close();
    }
  });

  it('publishes everything before an event the broker can never take and names that event, counting it', async () => {
    const before = await store(() => noise(500), 5);
    const [tooLarge] = await store(() => noise(LIMIT * 2), 1);
    const after = await store(() => noise(500), 5);
    const lines: { fields: Record<string, unknown>; message?: string }[] = [];
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (fields, message) => lines.push({ fields: fields as Record<string, unknown>, message }),
      error: (fields, message) => lines.push({ fields: fields as Record<string, unknown>, message }),
    };
    const publisher = new KafkaPublisher(kit.kafka);
    const relay = await run(publisher, logger);
    try {
      await until(() => received.length >= before.length, 'the events before it on the topic');
      await until(() => relay.counters.unpublishable > 0, 'the event at fault to be found');
      expect(received).toEqual(before);
      expect(received).not.toContain(tooLarge);
      expect(after.some((id) => received.includes(id))).toBe(false);
      const line = lines.find((l) => l.fields['eventId'] === tooLarge);
      expect(line?.message).toMatch(/refuses/);
      expect(JSON.stringify(line?.fields)).not.toContain('blob');
      // Polled: a read that finds nothing new yet (another spec's transaction still open) clears it for a moment.
      await until(() => relay.status().lastError?.includes(tooLarge) === true, 'the status to name the event');
    } finally {
      await relay.stop();
      await publisher.close();
    }
  });
});
