import { randomUUID } from 'node:crypto';
import { dlqTopic, Topics, UnitRegistered } from '@motcua/contracts';
import { eventually } from '@motcua/testing';
import { foldFacts } from '../../domain/dossier-facts/dossier-facts.fold';
import { envelopeOf, TopicEvent, wholeLife } from '../../testing/dossier-life.fixtures';
import { ProjectionsHarness } from '../../testing/projections.harness';
import { projectionGroup } from './projection.runtime';

const expectedFacts = (id: string, events: TopicEvent[]) => foldFacts(undefined, id, events.map((e) => e.envelope));
/** The steps of a whole life that are on the timeline: all but fees, payments, scans and reuse. */
const STEPS = 12;

describe('projection consumer (real PostgreSQL and Kafka)', () => {
  const harness = new ProjectionsHarness();
  beforeAll(() => harness.start(), 120_000);
  afterAll(() => harness.close());

  /** Every event of the life claimed once, each of its steps once on the timeline, and the facts they fold to. */
  async function expectWholeLifeOnce(id: string, life: ReturnType<typeof wholeLife>): Promise<void> {
    const [row] = await harness.db.query(`select count(*)::int as n from projections.projected_events where event_id = any($1::uuid[])`, [life.map((e) => e.envelope.id)]);
    expect(row.n).toBe(life.length);
    // This life's steps, each on the timeline once.
    const ids = new Set(life.map((e) => e.envelope.id));
    const steps = (await harness.timeline(id)).filter((step) => ids.has(String(step['event_id'])));
    expect(steps).toHaveLength(STEPS);
    expect(new Set(steps.map((step) => step['event_id'])).size).toBe(STEPS);
    const facts = await harness.facts(id);
    const expected = expectedFacts(id, life);
    expect(facts).toMatchObject({ status: 'COMPLETED', supplement_count: expected.supplementCount, paused_working_minutes: expected.pausedWorkingMinutes });
    expect(facts?.['components']).toEqual(expected.components);
  }

  it('events in, rows out: one facts row per dossier from every topic, its timeline, and today\'s unit after a merger', async () => {
    const id = randomUUID();
    const unit = `T${randomUUID().slice(0, 6)}`;
    const life = wholeLife(id).map((e) => retarget(e, unit));
    // Processing's, issuance's events first: intake's arrive last, as topics are not ordered against each other.
    await harness.publish(...life.filter((e) => e.topic !== Topics.intake), ...life.filter((e) => e.topic === Topics.intake));
    await harness.projected(life);
    const row = await harness.facts(id);
    const expected = expectedFacts(id, life);
    expect(row).toMatchObject({ code: expected.code, unit, successor_unit: unit, supplement_count: 1, all_electronic: true, reused: true, e_result: true, paid_online: true, on_time: true });
    expect((row?.['received_at'] as Date).toISOString()).toBe(expected.receivedAt);
    expect(row?.['due_history']).toEqual(expected.dueHistory);
    expect(row?.['supplement_requests']).toEqual(expected.supplementRequests);
    expect((await harness.timeline(id)).map((step) => step['event_type'])).toHaveLength(STEPS);

    // The finished dossier reaches the indicator totals, under its unit as successor; the merger re-queues it under the new one.
    const totalsUnits = async () =>
      ((await harness.db.query(`select distinct successor_unit from projections.indicator_contributions where dossier_id = $1`, [id])) as { successor_unit: string }[]).map((r) => r.successor_unit);
    await eventually(totalsUnits, (units) => units.length === 1 && units[0] === unit, { what: 'the dossier in the indicator totals' });
    const merged = `M${randomUUID().slice(0, 6)}`;
    await harness.send(Topics.catalogue, envelopeOf(UnitRegistered, merged, '2025-07-01T00:00:00.000Z', { code: merged, name: 'Xã mới', level: 'COMMUNE', successorOf: [unit], validFrom: '2025-07-01T00:00:00.000Z' } as never).envelope);
    await harness.factsEventually(id, (r) => r['successor_unit'] === merged, 'the merged unit re-pointed to its successor');
    await eventually(totalsUnits, (units) => units.length === 1 && units[0] === merged, { what: 'the indicator totals re-pointed to the successor' });
  });

  it('the same event delivered twice changes nothing', async () => {
    const id = randomUUID();
    const life = wholeLife(id);
    await harness.publish(...life);
    await harness.projected(life);
    const before = { facts: await harness.facts(id), timeline: await harness.timeline(id) };
    const duplicates = harness.counters.duplicates;
    // A relay that published again: the same envelopes, at later offsets of the same partitions.
    await harness.publish(life[1], life[8], life[13]);
    await eventually(async () => harness.counters.duplicates, (n) => n >= duplicates + 3, { what: 'the three duplicates read' });
    expect(await harness.facts(id)).toEqual(before.facts);
    expect(await harness.timeline(id)).toEqual(before.timeline);
  });

  it('a malformed message goes to the dead-letter topic and its partition moves on', async () => {
    const id = randomUUID();
    const life = wholeLife(id);
    const dlq = dlqTopic(Topics.intake, projectionGroup({ KAFKA_GROUP_NAMESPACE: process.env['KAFKA_GROUP_NAMESPACE'] } as never));
    const before = await dlqSize(harness, dlq);
    await harness.sendRaw(Topics.intake, id, '{"not": "an envelope"}');
    await harness.publish(life[0]);
    await harness.factsEventually(id, (r) => r['status'] === 'SUBMITTED', 'the next message on the partition applied');
    expect(await dlqSize(harness, dlq)).toBe(before + 1);
  });

  it('a consumer killed mid-batch, then restarted, loses and doubles nothing', async () => {
    const id = randomUUID();
    const life = wholeLife(id);
    let failures = 0;
    // After this dossier's rows are written and before they commit, the batch dies, three times.
    harness.faults.beforeCommit = (_topic, _partition, events) => {
      if (events.some((e) => e.subject === id) && failures < 3) {
        failures += 1;
        throw new Error('killed mid-batch');
      }
    };
    await harness.publish(...life.slice(0, 9));
    await harness.projected(life.slice(0, 9));
    expect(failures).toBe(3);
    await harness.stop();
    await harness.publish(...life.slice(9));
    await harness.boot();
    await harness.projected(life);
    await expectWholeLifeOnce(id, life);
  });

  it('resumes from the offsets stored with the read models when the group\'s offsets are ahead of them: the events between are applied, once', async () => {
    const id = randomUUID();
    const life = wholeLife(id);
    await harness.publish(...life.slice(0, 6));
    await harness.projected(life.slice(0, 6));
    await harness.stop();
    await harness.publish(...life.slice(6));
    // As after restoring the database from a backup: the group has committed past every event
    // published, the database's stored offsets are from before the later ones.
    const group = projectionGroup({ KAFKA_GROUP_NAMESPACE: process.env['KAFKA_GROUP_NAMESPACE'] } as never);
    const topics = [...new Set(life.map((e) => e.topic))];
    await commitGroupAtEnd(harness, group, topics);

    await harness.boot();
    await harness.projected(life);
    await expectWholeLifeOnce(id, life);
    // A fresh group reads this file's topics from their beginning; the probes bound each wait.
  }, 240_000);
});

/** Commits the (memberless) group's offsets at the end of every partition of these topics. */
async function commitGroupAtEnd(harness: ProjectionsHarness, groupId: string, topics: string[]): Promise<void> {
  const admin = harness.kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId, topic, partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })) });
    }
  } finally {
    await admin.disconnect();
  }
}

function retarget(event: TopicEvent, unit: string): TopicEvent {
  const data = event.envelope.data as { unit?: string };
  if (data.unit === undefined) return event;
  return { ...event, envelope: { ...event.envelope, data: { ...data, unit } } as typeof event.envelope };
}

async function dlqSize(harness: ProjectionsHarness, topic: string): Promise<number> {
  const admin = harness.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}
