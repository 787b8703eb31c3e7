import { randomUUID } from 'node:crypto';
import { EventRow, LogPosition, PgDatabase, ReadAllResult, toRecordedEvent } from '@motcua/event-store';
import { Consumer } from 'kafkajs';
import { EventPublisher, KafkaPublisher, OutgoingMessage } from '../kafka/publisher';
import { openTestKit, TestKit } from '../testing/test-kit';
import { until } from '../testing/until';
import { EventRelay } from './event-relay';

const WRITERS = 20;
const EVENTS_PER_WRITER = 8;

interface Received {
  key: string;
  id: string;
  seq: number;
}

/** Counts what the relay handed to Kafka, so the test knows when the relay has caught up. */
class CountingPublisher implements EventPublisher {
  sent = 0;
  constructor(private readonly inner: EventPublisher) {}
  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    await this.inner.publish(topic, messages);
    this.sent += messages.length;
  }
  close() {
    return this.inner.close();
  }
}

/**
 * 20 writers append to their own dossiers in transactions of random length (pg_sleep after the
 * insert, so positions commit out of order; one writer's first transaction is long on purpose)
 * while the relay runs. Returns what reached Kafka and what was stored.
 */
async function concurrentWritersScenario(kit: TestKit, read?: (after: LogPosition, max: number) => Promise<ReadAllResult>) {
  const publisher = new CountingPublisher(new KafkaPublisher(kit.kafka));
  const relay = new EventRelay(kit.db, kit.schema, publisher, { topic: kit.topic, source: 'motcua/test', batchSize: 50, read });
  const received = new Map<string, Received>();
  const consumer: Consumer = kit.kafka.consumer({ groupId: `${kit.topic}.reader` });
  await consumer.connect();
  await consumer.subscribe({ topic: kit.topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const envelope = JSON.parse(String(message.value)) as { id: string; data: { seq: number } };
      received.set(envelope.id, { key: String(message.key), id: envelope.id, seq: envelope.data.seq });
    },
  });
  relay.start();
  try {
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const dossier = `dossier-${writer}-${randomUUID()}`;
        for (let seq = 1; seq <= EVENTS_PER_WRITER; seq++) {
          const pause = writer === 0 && seq === 1 ? 0.4 : Math.random() * 0.03;
          await kit.db.transaction(async () => {
            await kit.store.append(dossier, [{ id: randomUUID(), type: 'Numbered', data: { seq }, metadata: { subject: dossier } }], {
              expectedVersion: seq - 1,
            });
            await kit.db.query('select pg_sleep($1)', [pause]);
          });
        }
      }),
    );
    const stored = Number((await kit.db.query<{ n: string }>(`select count(*) as n from "${kit.schema}".events`)).rows[0].n);
    const lastPosition = Number((await kit.db.query<{ p: string }>(`select max(global_position) as p from "${kit.schema}".events`)).rows[0].p);
    // Caught up: the relay's checkpoint has passed every stored row and Kafka gave back all it sent.
    await until(() => Number(relay.status().position?.position ?? 0) >= lastPosition, 'the relay to catch up');
    await until(() => received.size >= publisher.sent, 'every relayed message consumed');
    return { stored, received: [...received.values()] };
  } finally {
    await relay.stop();
    await consumer.disconnect();
    await publisher.close();
  }
}

/** The classic bug: "everything after the highest position I have seen" skips late commits. */
function naiveReader(db: PgDatabase, schema: string) {
  return async (after: LogPosition, max: number): Promise<ReadAllResult> => {
    const { rows } = await db.query<EventRow>(`select * from "${schema}".events where global_position > $1 order by global_position limit $2`, [
      after.position,
      max,
    ]);
    // This reader's position is the sequence number alone: the transaction id plays no part.
    const events = rows.map((row) => ({ ...toRecordedEvent(row), log: { transactionId: '0', position: String(row.global_position) } }));
    return { events, next: events.length ? events[events.length - 1].log : after };
  };
}

describe('EventRelay (PostgreSQL -> Kafka) under concurrent writers', () => {
  let kit: TestKit;
  afterEach(() => kit.close());

  it('publishes every stored event exactly once, in per-dossier order, with the gap-safe reader', async () => {
    kit = await openTestKit('relay_safe');
    const { stored, received } = await concurrentWritersScenario(kit);
    expect(stored).toBe(WRITERS * EVENTS_PER_WRITER);
    expect(received).toHaveLength(stored);
    const byKey = new Map<string, number[]>();
    for (const message of received) byKey.set(message.key, [...(byKey.get(message.key) ?? []), message.seq]);
    expect(byKey.size).toBe(WRITERS);
    for (const sequence of byKey.values()) expect(sequence).toEqual(Array.from({ length: EVENTS_PER_WRITER }, (_, i) => i + 1));
  });

  it('loses events with a naive `position > N` reader in the same scenario (the test can catch the bug)', async () => {
    kit = await openTestKit('relay_naive');
    const { stored, received } = await concurrentWritersScenario(kit, naiveReader(kit.db, kit.schema));
    expect(stored).toBe(WRITERS * EVENTS_PER_WRITER);
    expect(received.length).toBeLessThan(stored);
  });
});

