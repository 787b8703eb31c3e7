import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DossierRejected, DossierWithdrawn, Envelope, integrationEvents } from '@motcua/contracts';
import { Kafka, KafkaMessage } from 'kafkajs';
import { EventPublisher, KafkaPublisher, OutgoingMessage } from '../kafka/publisher';
import { ensureTopics } from '../kafka/topics';
import { appliedCount, countingHandler, createEffects } from '../testing/effects';
import { openTestKit, TestKit } from '../testing/test-kit';
import { until } from '../testing/until';
import { NotYetKnownError } from './errors';
import { InboxConsumer, InboxConsumerOptions } from './inbox-consumer';
import { MessageHandler } from './message-handler';
import { ParkedMessageDrain } from './parked-message-drain';

const time = '2026-11-22T03:00:00.000Z';
const withdrawn = (dossierId = randomUUID(), reason?: string) =>
  integrationEvents.createEnvelope(DossierWithdrawn, {
    source: 'motcua/intake',
    subject: dossierId,
    time,
    data: { dossierId, code: 'H56.22-261122-0001', withdrawnAt: time, ...(reason ? { reason } : {}) },
  });
const rejected = (dossierId: string) =>
  integrationEvents.createEnvelope(DossierRejected, {
    source: 'motcua/intake',
    subject: dossierId,
    time,
    data: { dossierId, code: 'H56.22-261122-0001', rejectedAt: time, reason: 'incomplete', officerId: 'officer-1' },
  });

async function readAll(kafka: Kafka, topic: string, count: number): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  await until(() => messages.length >= count, `${count} message(s) on ${topic}`);
  await consumer.disconnect();
  return messages;
}

describe('InboxConsumer (real PostgreSQL and Kafka)', () => {
  let kit: TestKit;
  let publisher: KafkaPublisher;
  const consumers: InboxConsumer[] = [];
  const send = (...messages: (Envelope | string)[]) =>
    publisher.publish(
      kit.topic,
      messages.map((m): OutgoingMessage =>
        typeof m === 'string' ? { key: 'malformed', value: m, headers: {} } : { key: m.subject, value: JSON.stringify(m), headers: { ce_id: m.id } },
      ),
    );
  const startConsumer = async (group: string, handle: MessageHandler, extra: Partial<InboxConsumerOptions> = {}) => {
    const consumer = new InboxConsumer(kit.kafka, kit.db, kit.schema, publisher, new ParkedMessageDrain(kit.db, kit.schema), {
      group,
      topic: kit.topic,
      handle,
      decode: (value) => integrationEvents.decode(value),
      maxAttempts: 3,
      backoffMs: 10,
      sessionTimeoutMs: 6_000,
      ...extra,
    });
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  };

  beforeEach(async () => {
    kit = await openTestKit('inbox', 1);
    publisher = new KafkaPublisher(kit.kafka);
    await createEffects(kit.db, kit.schema);
  });
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    await publisher.close();
    await kit.close();
  });

  it('applies a message delivered twice exactly once', async () => {
    const twice = withdrawn();
    const other = withdrawn();
    await send(twice, twice, other);
    const consumer = await startConsumer(`g-${randomUUID()}`, countingHandler(kit.db, kit.schema));
    await until(() => consumer.counters.applied + consumer.counters.duplicates === 3, 'three deliveries');
    expect(consumer.counters).toMatchObject({ applied: 2, duplicates: 1 });
    expect(await appliedCount(kit.db, kit.schema, twice.subject)).toBe(1);
    expect(await appliedCount(kit.db, kit.schema, other.subject)).toBe(1);
  });

  it('dead-letters a poison message after its retries, with the error and original headers, and moves on', async () => {
    const group = `g-${randomUUID()}`;
    await ensureTopics(kit.kafka, [{ topic: `${kit.topic}.dlq.${group}`, numPartitions: 1 }]);
    const poison = withdrawn(undefined, 'poison');
    const after = withdrawn();
    await send(poison, 'this is not json', after);
    let attempts = 0;
    const consumer = await startConsumer(
      group,
      countingHandler(kit.db, kit.schema, (envelope) => {
        if ((envelope.data as { reason?: string }).reason === 'poison') {
          attempts += 1;
          throw new Error('cannot apply this one');
        }
      }),
    );
    await until(() => consumer.counters.applied === 1, 'the message after the poison');
    expect(attempts).toBe(3);
    expect(await appliedCount(kit.db, kit.schema, poison.subject)).toBe(0);
    expect(await appliedCount(kit.db, kit.schema, after.subject)).toBe(1);

    const letters = await readAll(kit.kafka, `${kit.topic}.dlq.${group}`, 2);
    const header = (m: KafkaMessage, name: string) => m.headers?.[name]?.toString();
    expect(header(letters[0], 'ce_id')).toBe(poison.id);
    expect(header(letters[0], 'x-dlq-error')).toBe('Error: cannot apply this one');
    expect(header(letters[0], 'x-dlq-attempts')).toBe('3');
    expect(JSON.parse(String(letters[0].value)).id).toBe(poison.id);
    expect(header(letters[1], 'x-dlq-error-code')).toBe('CONTRACTS.INVALID_MESSAGE');
    expect(header(letters[1], 'x-dlq-attempts')).toBe('0');
    expect(String(letters[1].value)).toBe('this is not json');
  });

  it('applies a parked message when the subject becomes known on another topic while it was being parked', async () => {
    // Two consumers of one service share the park, as in a service. The parking consumer is slow
    // between finding the subject unknown and parking the message; the subject becomes known on the
    // other topic meanwhile. Their transactions must not miss each other.
    const other = `${kit.topic}.other`;
    await ensureTopics(kit.kafka, [{ topic: other, numPartitions: 1, config: {} }]);
    const drain = new ParkedMessageDrain(kit.db, kit.schema);
    const dossierId = randomUUID();
    let foundUnknown = false;
    const known = async (subject: string) => (await appliedCount(kit.db, kit.schema, subject)) > 0;
    const parking: MessageHandler = async (envelope, context) => {
      if (!(await known(envelope.subject))) {
        foundUnknown = true;
        await kit.db.query('select pg_sleep(1.5)');
        throw new NotYetKnownError(envelope.subject);
      }
      await countingHandler(kit.db, kit.schema)(envelope, context);
    };
    const start = async (topic: string, handle: MessageHandler) => {
      const consumer = new InboxConsumer(kit.kafka, kit.db, kit.schema, publisher, drain, {
        group: `g-${randomUUID()}`,
        topic,
        handle,
        decode: (value) => integrationEvents.decode(value),
        sessionTimeoutMs: 6_000,
      });
      consumers.push(consumer);
      await consumer.start();
      return consumer;
    };
    const parker = await start(kit.topic, parking);
    const opener = await start(other, countingHandler(kit.db, kit.schema));

    await send(withdrawn(dossierId));
    await until(() => foundUnknown, 'the subject found unknown');
    const subjectArrives = rejected(dossierId);
    await publisher.publish(other, [{ key: dossierId, value: JSON.stringify(subjectArrives), headers: { ce_id: subjectArrives.id } }]);

    await until(async () => (await appliedCount(kit.db, kit.schema, dossierId)) === 2, 'the parked message applied', 30_000);
    expect(parker.counters.parked).toBe(1);
    expect(opener.counters).toMatchObject({ applied: 1, unparked: 1 });
  });

  it('parks a message about an unknown subject and applies it when the subject arrives', async () => {
    const dossierId = randomUUID();
    const known = new Set<string>();
    const order: string[] = [];
    const handle: MessageHandler = async (envelope) => {
      if (envelope.type === 'DossierWithdrawn' && !known.has(envelope.subject)) throw new NotYetKnownError(envelope.subject);
      if (envelope.type === 'DossierRejected') known.add(envelope.subject);
      order.push(envelope.type);
      await countingHandler(kit.db, kit.schema)(envelope, { topic: kit.topic, partition: 0, offset: '0', headers: {} });
    };
    await send(withdrawn(dossierId), rejected(dossierId));
    const consumer = await startConsumer(`g-${randomUUID()}`, handle);
    await until(() => consumer.counters.unparked === 1, 'the parked message to be applied');
    expect(consumer.counters).toMatchObject({ parked: 1, applied: 1, unparked: 1, deadLettered: 0 });
    expect(order).toEqual(['DossierRejected', 'DossierWithdrawn']);
    expect(await appliedCount(kit.db, kit.schema, dossierId)).toBe(2);
  });

  it('applies once when a consumer is killed after its commit and before its offset commit', async () => {
    const group = `g-${randomUUID()}`;
    const message = withdrawn();
    await send(message);
    const root = join(__dirname, '..', '..', '..', '..');
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, '..', 'testing', 'crashing-consumer.ts')], {
      cwd: root,
      env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.base.json'), TEST_SCHEMA: kit.schema, TEST_TOPIC: kit.topic, TEST_GROUP: group },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect({ signal, stderr: stderr.slice(-500) }).toMatchObject({ signal: 'SIGKILL' });
    expect(await appliedCount(kit.db, kit.schema, message.subject)).toBe(1);

    const fresh = await startConsumer(group, countingHandler(kit.db, kit.schema));
    await until(() => fresh.counters.duplicates === 1, 'the redelivery to the fresh member', 60_000);
    expect(fresh.counters.applied).toBe(0);
    expect(await appliedCount(kit.db, kit.schema, message.subject)).toBe(1);
  });

  it('reports not-ready while it restarts after a crash, then recovers without losing the message', async () => {
    const group = `g-${randomUUID()}`;
    await ensureTopics(kit.kafka, [{ topic: `${kit.topic}.dlq.${group}`, numPartitions: 1 }]);
    // The dead-letter topic is unreachable for a while: the batch fails until the consumer crashes.
    let failuresLeft = 2;
    const flakyPublisher: EventPublisher = {
      publish: async (topic, messages) => {
        if (topic.includes('.dlq.') && failuresLeft-- > 0) throw new Error('broker unavailable');
        await publisher.publish(topic, messages);
      },
      close: async () => undefined,
    };
    await send('not json at all');
    const consumer = new InboxConsumer(kit.kafka, kit.db, kit.schema, flakyPublisher, new ParkedMessageDrain(kit.db, kit.schema), {
      group,
      topic: kit.topic,
      handle: countingHandler(kit.db, kit.schema),
      decode: (value) => integrationEvents.decode(value),
      retries: 0,
      sessionTimeoutMs: 6_000,
    });
    consumers.push(consumer);
    const states = new Set<string>();
    const watcher = setInterval(() => states.add(`${consumer.status().state}:${consumer.status().ready}`), 5);
    try {
      await consumer.start();
      await until(() => consumer.counters.deadLettered === 1 && consumer.status().ready, 'recovery after the crash');
    } finally {
      clearInterval(watcher);
    }
    expect(states).toContain('restarting:false');
    expect(failuresLeft).toBeLessThan(0);
  });

  it('is not ready until it has joined its group', async () => {
    const consumer = new InboxConsumer(kit.kafka, kit.db, kit.schema, publisher, new ParkedMessageDrain(kit.db, kit.schema), {
      group: `g-${randomUUID()}`,
      topic: kit.topic,
      handle: countingHandler(kit.db, kit.schema),
      decode: (value) => integrationEvents.decode(value),
    });
    consumers.push(consumer);
    expect(consumer.status().ready).toBe(false);
    await consumer.start();
    await until(() => consumer.status().ready, 'the group join');
    expect(consumer.status().state).toBe('running');
  });
});
