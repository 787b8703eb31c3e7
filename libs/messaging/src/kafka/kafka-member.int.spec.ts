import { randomBytes } from 'node:crypto';
import { Consumer, EachBatchPayload } from 'kafkajs';
import { silentLogger } from '../logger';
import { until } from '../testing/until';
import { connectKafka } from './kafka-connection';
import { KafkaMember, KafkaMemberOptions } from './kafka-member';
import { KafkaPublisher } from './publisher';
import { ensureTopics } from './topics';

/**
 * Nothing can prove at once that a member never comes back: these specs watch for longer than
 * any restart would take (kafkajs's own wait, the member's restart delay, a join) and fail on the
 * first batch consumed, or member in the group, after stop() resolved.
 */
const WATCH_MS = 4_000;

describe('KafkaMember (real Kafka)', () => {
  const kafka = connectKafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), clientId: `member-${randomBytes(4).toString('hex')}` });
  const publisher = new KafkaPublisher(kafka);
  const members: KafkaMember[] = [];
  let topic: string;
  let group: string;

  const send = (value: string) => publisher.publish(topic, [{ key: 'k', value, headers: {} }]);
  const member = (eachBatch: (payload: EachBatchPayload, consumer: Consumer) => Promise<void>, extra: Partial<KafkaMemberOptions> = {}) => {
    const created = new KafkaMember(kafka, { group, topics: [topic], logger: silentLogger, name: 'test member', sessionTimeoutMs: 6_000, partitionsConsumedConcurrently: 1, eachBatch, ...extra });
    members.push(created);
    return created;
  };

  /** Fails as soon as a batch is consumed or a member is in the group during the watch. */
  const staysGone = async (batches: () => number) => {
    const seen = batches();
    await send('after the stop');
    const admin = kafka.admin();
    await admin.connect();
    try {
      const end = Date.now() + WATCH_MS;
      while (Date.now() < end) {
        expect(batches()).toBe(seen);
        const { groups } = await admin.describeGroups([group]);
        expect(groups[0].members).toHaveLength(0);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await admin.disconnect();
    }
  };

  beforeEach(async () => {
    const suffix = randomBytes(4).toString('hex');
    topic = `test.member.${suffix}`;
    group = `member-${suffix}`;
    await ensureTopics(kafka, [{ topic, numPartitions: 1 }]);
  });
  afterEach(async () => {
    await Promise.all(members.splice(0).map((m) => m.stop()));
  });
  afterAll(() => publisher.close());

  it('a stop while a crash is handled wins over the restart kafkajs would make', async () => {
    let batches = 0;
    let stopped = false;
    // A plain error is retriable for kafkajs: past its retries it crashes and would restart the member by itself.
    const crashing = member(
      async () => {
        batches += 1;
        void crashing.stop().then(() => (stopped = true));
        throw new Error('batch failed');
      },
      { retry: { retries: 0, initialRetryTime: 100 } },
    );
    await send('first');
    await crashing.start();
    await until(() => stopped, 'the stop during the crash');
    expect(batches).toBe(1);
    expect(crashing.state).toBe('stopped');
    await staysGone(() => batches);
  });

  it('a stop during the restart delay of a member that crashed for good ends it', async () => {
    let batches = 0;
    // A TypeError is not retriable for kafkajs: the member itself replaces the crashed consumer, after its delay.
    const crashing = member(
      async () => {
        batches += 1;
        throw new TypeError('cannot read this batch');
      },
      { restartDelayMs: 1_000 },
    );
    await send('first');
    await crashing.start();
    await until(() => crashing.state === 'restarting', 'the crash');
    expect(crashing.ready).toBe(false);
    await crashing.stop();
    expect(batches).toBe(1);
    await staysGone(() => batches);
  });

  it('a stop while the member starts waits for the start under way, then leaves', async () => {
    let batches = 0;
    const joining = member(async () => {
      batches += 1;
    });
    const starting = joining.start();
    while (joining.state !== 'starting') await new Promise((resolve) => setImmediate(resolve));
    await joining.stop();
    await starting;
    expect(joining.state).toBe('stopped');
    await staysGone(() => batches);
  });

  it('restarts a member that crashed for good, and is ready again once it has joined', async () => {
    const values: string[] = [];
    let failures = 1;
    const crashing = member(
      async ({ batch, resolveOffset }, consumer) => {
        if (failures-- > 0) throw new TypeError('cannot read this batch');
        for (const message of batch.messages) {
          values.push(String(message.value));
          resolveOffset(message.offset);
        }
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() }]);
      },
      { restartDelayMs: 200 },
    );
    await send('first');
    await crashing.start();
    await until(() => values.length === 1 && crashing.ready, 'the message after the restart');
    expect(values).toEqual(['first']);
    expect(crashing.state).toBe('running');
  });

  it('replaces a consumer that left its group without a stop (disconnected under it), and is ready again once it has joined', async () => {
    const values: string[] = [];
    const leaving = member(
      async ({ batch, resolveOffset }, consumer) => {
        for (const message of batch.messages) {
          values.push(String(message.value));
          resolveOffset(message.offset);
        }
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() }]);
      },
      { restartDelayMs: 200 },
    );
    await leaving.start();
    await until(() => leaving.ready, 'the first join');
    const first = leaving.consumer;
    await first?.disconnect();
    expect(leaving.ready).toBe(false);
    await send('after the departure');
    await until(() => values.includes('after the departure') && leaving.ready, 'the message after the replacement');
    expect(leaving.consumer).not.toBe(first);
  });
});
