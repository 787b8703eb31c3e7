import { randomUUID } from 'node:crypto';
import { dataSchemaUri, defineEvent, DossierWithdrawn, Envelope, EventRegistry, integrationEvents } from '@motcua/contracts';
import { ParkedMessages } from '@motcua/event-store';
import { KafkaPublisher } from '../kafka/publisher';
import { ensureTopics } from '../kafka/topics';
import { appliedCount, countingHandler, createEffects } from '../testing/effects';
import { rejected, sendEnvelopes, withdrawn } from '../testing/envelopes';
import { openTestKit, TestKit } from '../testing/test-kit';
import { until } from '../testing/until';
import { InboxConsumer } from './inbox-consumer';
import { MessageDecoder, MessageHandler } from './message-handler';
import { ParkedMessageDrain } from './parked-message-drain';

/** What a producer upgraded before this consumer sends: DossierWithdrawn v2. */
const DossierWithdrawnV2 = defineEvent({ ...DossierWithdrawn, version: 2, upcast: (previous: unknown) => previous as never });
const asVersion2 = (envelope: Envelope) => ({ ...envelope, schemaversion: 2, dataschema: dataSchemaUri('DossierWithdrawn', 2) });

describe('InboxConsumer and event types or versions it does not know (real PostgreSQL and Kafka)', () => {
  let kit: TestKit;
  let publisher: KafkaPublisher;
  let group: string;
  const consumers: InboxConsumer[] = [];
  const order: string[] = [];
  const start = async (decode: MessageDecoder) => {
    const count = countingHandler(kit.db, kit.schema);
    const handle: MessageHandler = async (envelope, context) => {
      order.push(envelope.id);
      await count(envelope, context);
    };
    const consumer = new InboxConsumer(kit.kafka, kit.db, kit.schema, publisher, new ParkedMessageDrain(kit.db, kit.schema), {
      group,
      topic: kit.topic,
      handle,
      handles: ['DossierWithdrawn'],
      decode,
      sessionTimeoutMs: 6_000,
    });
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  };
  const inboxRows = async () => Number((await kit.db.query(`select count(*) as n from "${kit.schema}".inbox where consumer = $1`, [group])).rows[0].n);

  beforeEach(async () => {
    kit = await openTestKit('unknown', 1);
    publisher = new KafkaPublisher(kit.kafka);
    await createEffects(kit.db, kit.schema);
    group = `g-${randomUUID()}`;
    await ensureTopics(kit.kafka, [{ topic: `${kit.topic}.dlq.${group}`, numPartitions: 1 }]);
  });
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    await publisher.close();
    await kit.close();
  });

  it('ignores a type it does not handle and a type its registry does not know: counted, not dead-lettered, no inbox row', async () => {
    const known = withdrawn(randomUUID());
    const newType = { ...withdrawn(randomUUID()), id: randomUUID(), type: 'DossierTeleported', dataschema: dataSchemaUri('DossierTeleported', 1) };
    const notHandled = rejected(randomUUID());
    await sendEnvelopes(publisher, kit.topic, notHandled, newType, known);
    const consumer = await start((value) => integrationEvents.decode(value));
    await until(() => consumer.counters.applied + consumer.counters.ignored + consumer.counters.deadLettered >= 3, 'three messages handled');
    expect(consumer.counters).toMatchObject({ applied: 1, ignored: 2, deadLettered: 0, parked: 0 });
    expect(await appliedCount(kit.db, kit.schema, notHandled.subject)).toBe(0);
    expect(await inboxRows()).toBe(1);
  });

  it('parks a newer version of a type it handles, visible, with that dossier\'s later messages behind it, and applies them in order once upgraded', async () => {
    const dossierId = randomUUID();
    const newer = asVersion2(withdrawn(dossierId, 'from an upgraded producer'));
    const after = withdrawn(dossierId);
    const other = withdrawn(randomUUID());
    await sendEnvelopes(publisher, kit.topic, newer, after, other);
    const old = await start((value) => integrationEvents.decode(value));
    await until(() => old.counters.applied + old.counters.parked + old.counters.deadLettered >= 3, 'three messages handled');
    expect(old.counters).toMatchObject({ applied: 1, parked: 2, deadLettered: 0 });
    expect(await appliedCount(kit.db, kit.schema, dossierId)).toBe(0);
    const parked = new ParkedMessages(kit.db, kit.schema);
    expect((await parked.stats()).map(({ reason, count }) => ({ reason, count }))).toEqual([
      { reason: 'BEHIND_PARKED', count: 1 },
      { reason: 'UNKNOWN_VERSION', count: 1 },
    ]);
    await old.stop();

    const upgraded = new EventRegistry().register(...integrationEvents.definitions(), DossierWithdrawnV2);
    await start((value) => upgraded.decode(value));
    await until(async () => (await appliedCount(kit.db, kit.schema, dossierId)) === 2, 'the parked messages applied after the upgrade');
    expect(order.slice(-2)).toEqual([newer.id, after.id]);
    expect(await parked.count()).toBe(0);
  });
});
