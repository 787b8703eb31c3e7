import { randomUUID } from 'node:crypto';
import { KafkaPublisher, silentLogger } from '@motcua/messaging';
import { eventually } from '@motcua/testing';
import { Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import { PROJECTED_TOPICS } from '../../api/kafka/projection.runtime';
import { ProjectionConsumer } from '../../api/kafka/projection-consumer';
import { migrateUnderLock } from '../../database/migrate-under-lock';
import { projectionsDataSourceOptions } from '../../database/projections-data-source';
import { storedOffsets } from '../../projections/consumed-offsets/consumed-offsets';
import { wholeLife } from '../../testing/dossier-life.fixtures';
import { ProjectionsHarness } from '../../testing/projections.harness';
import { BatchProjector } from '../project-batch/batch-projector';

const SCHEMA = 'projections_bound_spec';
type Offsets = Map<string, bigint>;

/**
 * A rebuild reads the topics up to a bound that moves up as the live tables apply. Its stored
 * offset reaching the live one proves nothing unless the consumer's position never passes the
 * bound: a position past it would leave the messages between for a seek back to fetch, or skip them.
 */
describe('a rebuild consumer at its bound (real PostgreSQL and Kafka)', () => {
  const harness = new ProjectionsHarness();
  let fresh: DataSource;
  let consumer: ProjectionConsumer | undefined;
  const publisher = new KafkaPublisher(harness.kafka);
  beforeAll(async () => {
    await harness.start();
    await harness.db.query(`drop schema if exists ${SCHEMA} cascade`);
    fresh = await new DataSource(projectionsDataSourceOptions(String(process.env['DATABASE_URL']), SCHEMA)).initialize();
    await migrateUnderLock(fresh, SCHEMA);
  }, 120_000);
  afterAll(async () => {
    await consumer?.stop();
    await publisher.close();
    await fresh?.destroy();
    await harness.close();
  });

  async function withAdmin<T>(use: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = harness.kafka.admin();
    await admin.connect();
    try {
      return await use(admin);
    } finally {
      await admin.disconnect();
    }
  }

  /** Every topic's last offset per partition, keyed `topic|partition` as the projector keys its bound. */
  const ends = () =>
    withAdmin(async (admin) => {
      const all: Offsets = new Map();
      for (const topic of PROJECTED_TOPICS) for (const p of await admin.fetchTopicOffsets(topic)) all.set(`${topic}|${p.partition}`, BigInt(p.high) - 1n);
      return all;
    });

  /** The group's committed offsets (the next to fetch), where it has any. */
  const committedOf = (groupId: string) =>
    withAdmin(async (admin) => {
      const all: Offsets = new Map();
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: PROJECTED_TOPICS }))
        for (const p of partitions) if (Number(p.offset) >= 0) all.set(`${topic}|${p.partition}`, BigInt(p.offset));
      return all;
    });

  const stored = () => storedOffsets(fresh, SCHEMA, PROJECTED_TOPICS);
  const reached = (target: Offsets) => async () => {
    const at = await stored();
    return [...target].every(([key, offset]) => (at.get(key) ?? -1n) >= offset);
  };
  const claimed = async (ids: string[]) => Number((await fresh.query(`select count(*)::int as n from ${SCHEMA}.projected_events where event_id = any($1::uuid[])`, [ids]))[0].n);

  it('keeps its position at the bound while later messages wait, and applies every one of them once the bound moves up', async () => {
    const first = wholeLife(randomUUID());
    const later = wholeLife(randomUUID());
    await harness.publish(...first);
    const bound = await ends();
    await harness.publish(...later);
    const end = await ends();

    // Both lives are on the topics before the consumer starts: its first fetches bring the later one too.
    const bounds = new Map(bound);
    const group = `bound-spec-${randomUUID()}`;
    consumer = new ProjectionConsumer(harness.kafka, publisher, new BatchProjector(fresh, SCHEMA, {}, bounds), { group, topics: PROJECTED_TOPICS, logger: silentLogger, sendDeadLetters: false });
    consumer.startInBackground();
    await eventually(reached(bound), Boolean, { timeoutMs: 60_000, what: 'the rebuild at its bound' });
    expect(await claimed(first.map((e) => e.envelope.id))).toBe(first.length);

    // The group's position is where the stored offsets are, not at the end of what it fetched.
    const committed = await committedOf(group);
    expect(committed.size).toBeGreaterThan(0);
    const at = await stored();
    const ahead = [...committed].filter(([key, offset]) => offset > (at.get(key) ?? -1n) + 1n);
    expect(ahead).toEqual([]);
    expect(await claimed(later.map((e) => e.envelope.id))).toBe(0);

    for (const [key, offset] of end) bounds.set(key, offset);
    await eventually(() => claimed(later.map((e) => e.envelope.id)), (n) => n === later.length, { timeoutMs: 60_000, what: 'the later life applied once the bound moved' });
    await eventually(reached(end), Boolean, { timeoutMs: 30_000, what: 'the rebuild at the new bound' });
  });
});
