import { randomUUID } from 'node:crypto';
import { integrationEvents } from '@motcua/contracts';
import { ParkedMessages } from '@motcua/event-store';
import { KafkaPublisher } from '../kafka/publisher';
import { ensureTopics } from '../kafka/topics';
import { appliedCount, countingHandler, createEffects } from '../testing/effects';
import { sendEnvelopes, withdrawn } from '../testing/envelopes';
import { openTestKit, TestKit } from '../testing/test-kit';
import { until } from '../testing/until';
import { DeadLetterNotOpenError, discardDeadLetter, redriveDeadLetter } from './dead-letter-queue';
import { DeadLetters } from './dead-letters';
import { InboxConsumer } from './inbox-consumer';
import { MessageHandler } from './message-handler';
import { ParkedMessageDrain } from './parked-message-drain';

describe('the sequenced dead-letter queue (real PostgreSQL and Kafka)', () => {
  let kit: TestKit;
  let publisher: KafkaPublisher;
  let consumer: InboxConsumer;
  let drain: ParkedMessageDrain;
  let group: string;
  let fixed: boolean;
  let order: string[];

  beforeEach(async () => {
    kit = await openTestKit('dlq', 1);
    publisher = new KafkaPublisher(kit.kafka);
    await createEffects(kit.db, kit.schema);
    group = `g-${randomUUID()}`;
    await ensureTopics(kit.kafka, [{ topic: `${kit.topic}.dlq.${group}`, numPartitions: 1 }]);
    fixed = false;
    order = [];
    const count = countingHandler(kit.db, kit.schema);
    const handle: MessageHandler = async (envelope, context) => {
      if ((envelope.data as { reason?: string }).reason === 'poison' && !fixed) throw new Error('cannot apply this one');
      order.push(envelope.id);
      await count(envelope, context);
    };
    drain = new ParkedMessageDrain(kit.db, kit.schema);
    consumer = new InboxConsumer(kit.kafka, kit.db, kit.schema, publisher, drain, {
      group,
      topic: kit.topic,
      handle,
      decode: (value) => integrationEvents.decode(value),
      maxAttempts: 2,
      backoffMs: 10,
      sessionTimeoutMs: 6_000,
    });
  });
  afterEach(async () => {
    await consumer.stop();
    await publisher.close();
    await kit.close();
  });

  /** A dossier's poison message, then a later message about it, then another dossier's. */
  async function deadLetterOneDossier(): Promise<{ poison: string; later: string; dossierId: string }> {
    const dossierId = randomUUID();
    const poison = withdrawn(dossierId, 'poison');
    const later = withdrawn(dossierId, 'later');
    const other = withdrawn(randomUUID());
    await sendEnvelopes(publisher, kit.topic, poison, later, other);
    await consumer.start();
    await until(() => consumer.counters.deadLettered + consumer.counters.parked + consumer.counters.applied >= 3, 'three messages handled');
    expect(consumer.counters).toMatchObject({ deadLettered: 1, parked: 1, applied: 1 });
    expect(await appliedCount(kit.db, kit.schema, dossierId)).toBe(0);
    expect(await appliedCount(kit.db, kit.schema, other.subject)).toBe(1);
    expect((await new ParkedMessages(kit.db, kit.schema).stats()).map(({ reason, count }) => ({ reason, count }))).toEqual([
      { reason: 'BEHIND_DEAD_LETTER', count: 1 },
    ]);
    return { poison: poison.id, later: later.id, dossierId };
  }

  it("holds a dossier's later messages behind its dead letter while others flow, and applies them in order, once, when it is re-driven", async () => {
    const { poison, later, dossierId } = await deadLetterOneDossier();
    const letters = new DeadLetters(kit.db, kit.schema);
    expect(await letters.open(group)).toEqual([expect.objectContaining({ consumer: group, messageId: poison, subject: dossierId, status: 'OPEN' })]);

    fixed = true;
    expect(await redriveDeadLetter(drain, { consumer: group, messageId: poison, requestedBy: 'ops-1' })).toEqual({ released: 1 });
    expect(order.slice(-2)).toEqual([poison, later]);
    expect(await appliedCount(kit.db, kit.schema, dossierId)).toBe(2);
    await expect(redriveDeadLetter(drain, { consumer: group, messageId: poison, requestedBy: 'ops-1' })).rejects.toBeInstanceOf(DeadLetterNotOpenError);
    expect(await appliedCount(kit.db, kit.schema, dossierId)).toBe(2);
    expect(await letters.open(group)).toEqual([]);
    expect(await letters.find(group, poison)).toMatchObject({ status: 'REDRIVEN', resolvedBy: 'ops-1' });

    // The dossier flows again: a new message about it is applied at once.
    await sendEnvelopes(publisher, kit.topic, withdrawn(dossierId));
    await until(async () => (await appliedCount(kit.db, kit.schema, dossierId)) === 3, 'the next message about the dossier');
  });

  it('records who discarded a dead letter and why, never applies it, and applies what waited behind it', async () => {
    const { poison, later, dossierId } = await deadLetterOneDossier();
    expect(
      await discardDeadLetter(drain, { consumer: group, messageId: poison, requestedBy: 'ops-2', reason: 'duplicate of a corrected event' }),
    ).toEqual({ released: 1 });
    expect(order.slice(-1)).toEqual([later]);
    expect(await appliedCount(kit.db, kit.schema, dossierId)).toBe(1);
    expect(await new DeadLetters(kit.db, kit.schema).find(group, poison)).toMatchObject({
      status: 'DISCARDED',
      resolvedBy: 'ops-2',
      resolvedReason: 'duplicate of a corrected event',
    });
    await expect(redriveDeadLetter(drain, { consumer: group, messageId: poison, requestedBy: 'ops-2' })).rejects.toBeInstanceOf(DeadLetterNotOpenError);
  });
});
