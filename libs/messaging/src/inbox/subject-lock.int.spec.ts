import { randomUUID } from 'node:crypto';
import { integrationEvents } from '@motcua/contracts';
import { KafkaPublisher } from '../kafka/publisher';
import { appliedCount, countingHandler, createEffects } from '../testing/effects';
import { sendEnvelopes, withdrawn } from '../testing/envelopes';
import { openTestKit, TestKit } from '../testing/test-kit';
import { until } from '../testing/until';
import { InboxConsumer } from './inbox-consumer';
import { MessageHandler } from './message-handler';
import { ParkedMessageDrain } from './parked-message-drain';

describe("the inbox's per-subject lock (real PostgreSQL and Kafka)", () => {
  const kits: TestKit[] = [];
  const consumers: InboxConsumer[] = [];
  let publisher: KafkaPublisher;
  const start = async (kit: TestKit, handle: MessageHandler) => {
    const consumer = new InboxConsumer(kit.kafka, kit.db, kit.schema, publisher, new ParkedMessageDrain(kit.db, kit.schema), {
      group: `g-${randomUUID()}`,
      topic: kit.topic,
      handle,
      decode: (value) => integrationEvents.decode(value),
      sessionTimeoutMs: 6_000,
    });
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  };

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    await publisher.close();
    await Promise.all(kits.splice(0).map((kit) => kit.close()));
  });

  it("does not make one service wait for another's transaction on the same dossier", async () => {
    const [first, second] = [await openTestKit('lock_a', 1), await openTestKit('lock_b', 1)];
    kits.push(first, second);
    publisher = new KafkaPublisher(first.kafka);
    await Promise.all(kits.map((kit) => createEffects(kit.db, kit.schema)));
    const dossierId = randomUUID();
    let holding: number | undefined;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await start(first, async (envelope, context) => {
      holding = (await first.db.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
      await released;
      await countingHandler(first.db, first.schema)(envelope, context);
    });
    await start(second, countingHandler(second.db, second.schema));

    await sendEnvelopes(publisher, first.topic, withdrawn(dossierId));
    await until(() => holding !== undefined, "the first service's transaction to hold the dossier");
    await sendEnvelopes(publisher, second.topic, withdrawn(dossierId));
    // Either the second service applies its message, or its transaction waits for the first's.
    const waiting = async () =>
      (await second.db.query('select 1 from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [holding])).rowCount !== 0;
    await until(async () => (await appliedCount(second.db, second.schema, dossierId)) === 1 || (await waiting()), 'the second service to apply or wait');
    const appliedWhileHeld = await appliedCount(second.db, second.schema, dossierId);
    release();
    await until(async () => (await appliedCount(first.db, first.schema, dossierId)) === 1, 'the first service to apply');
    expect(appliedWhileHeld).toBe(1);
  });
});
