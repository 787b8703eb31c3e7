import { randomUUID } from 'node:crypto';
import { Logger as NestLogger } from '@nestjs/common';
import { dataSchemaUri, dlqTopic, Envelope, integrationEvents } from '@motcua/contracts';
import { ensureTopics, KafkaPublisher } from '@motcua/messaging';
import { eventually } from '@motcua/testing';
import { BatchProjector } from '../../application/project-batch/batch-projector';
import { PROJECTIONS_SCHEMA } from '../../database/projections-schema';
import { wholeLife } from '../../testing/dossier-life.fixtures';
import { ProjectionsHarness } from '../../testing/projections.harness';
import { ProjectionConsumer } from './projection-consumer';

const logger = { debug: () => undefined, info: () => undefined, warn: (o: object, m: string) => new NestLogger('test').warn(o, m), error: (o: object, m: string) => new NestLogger('test').error(o, m) };
const submitted = (id: string) => wholeLife(id, `H56.22-250106-${String(Math.floor(Math.random() * 9_000) + 1_000)}`)[0].envelope as Envelope;
const encode = (envelope: object) => JSON.stringify(envelope);

/**
 * Types and versions the registry does not know, on a topic of the test's own: a newer version
 * published to a shared topic would hold that partition for every other consumer reading it.
 */
describe('projection consumer and event types or versions it does not know (real PostgreSQL and Kafka)', () => {
  const harness = new ProjectionsHarness();
  const topic = `test.projections.unknown.${randomUUID()}`;
  const group = `projections-unknown-${randomUUID()}`;
  let publisher: KafkaPublisher;
  let consumer: ProjectionConsumer | undefined;
  const start = (decode?: (value: Buffer) => Envelope) => {
    const projector = new BatchProjector(harness.db, PROJECTIONS_SCHEMA);
    consumer = new ProjectionConsumer(harness.kafka, publisher, projector, { group, topics: [topic], logger, sessionTimeoutMs: 6_000, holdBackoffMs: { firstMs: 100, atMostMs: 500 }, decode });
    consumer.startInBackground();
    return consumer;
  };
  beforeAll(async () => {
    await harness.start();
    publisher = new KafkaPublisher(harness.kafka);
    await ensureTopics(harness.kafka, [{ topic, numPartitions: 1 }, { topic: dlqTopic(topic, group), numPartitions: 1 }]);
  }, 120_000);
  afterAll(async () => {
    await consumer?.stop();
    await publisher.close();
    await harness.close();
  });

  it('skips and counts a type the registry does not know, dead-letters nothing, and moves on', async () => {
    const [unknownId, knownId] = [randomUUID(), randomUUID()];
    const newType = { ...submitted(unknownId), type: 'DossierTeleported', dataschema: dataSchemaUri('DossierTeleported', 1) };
    await harness.sendRaw(topic, unknownId, encode(newType));
    await harness.sendRaw(topic, knownId, encode(submitted(knownId)));
    const running = start();
    await harness.factsEventually(knownId, (row) => row['status'] === 'SUBMITTED', 'the known event after it applied');
    expect(running.counters).toMatchObject({ ignored: 1, deadLettered: 0 });
    await running.stop();
  });

  it('holds its partition at a newer version of a type it projects, visible by event id, and applies it and what follows once upgraded', async () => {
    const [newerId, afterId] = [randomUUID(), randomUUID()];
    const newer = { ...submitted(newerId), schemaversion: 2, dataschema: dataSchemaUri('DossierSubmitted', 2) };
    await harness.sendRaw(topic, newerId, encode(newer));
    await harness.sendRaw(topic, afterId, encode(submitted(afterId)));
    const old = start();
    await eventually(async () => old.counters.deadLettered + old.held().length, (n) => n > 0, { what: 'the newer version met' });
    expect(old.held()).toEqual([expect.objectContaining({ topic, partition: 0, eventId: newer.id, type: 'DossierSubmitted', version: 2 })]);
    expect(old.counters.deadLettered).toBe(0);
    await eventually(async () => old.held()[0].attempts, (n) => n >= 3, { what: 'the partition retried' });
    expect(await harness.facts(afterId)).toBeUndefined();
    expect(await harness.facts(newerId)).toBeUndefined();
    await old.stop();

    // The upgraded service reads version 2 into what the fold knows (here: the same fields).
    const upgraded = start((value) => {
      const raw = JSON.parse(value.toString()) as Envelope;
      return integrationEvents.decode(Buffer.from(encode(raw.schemaversion === 2 ? { ...raw, schemaversion: 1, dataschema: dataSchemaUri(raw.type, 1) } : raw)));
    });
    await harness.factsEventually(afterId, (row) => row['status'] === 'SUBMITTED', 'the message after it applied');
    expect(await harness.facts(newerId)).toMatchObject({ status: 'SUBMITTED' });
    expect(upgraded.held()).toEqual([]);
    expect(upgraded.counters.deadLettered).toBe(0);
    await upgraded.stop();
  });

  it('holds its partition at a reception counted by a holiday table it does not have, applying nothing after it', async () => {
    const [receivedId, afterId] = [randomUUID(), randomUUID()];
    const reception = wholeLife(receivedId).find((e) => e.envelope.type === 'DossierReceived')?.envelope as Envelope;
    const newerTable = { ...reception, data: { ...(reception.data as object), calendar: { holidayTable: 'VN-2099-2101.1', officeHours: [{ start: '07:30', end: '11:30' }] } } };
    await harness.sendRaw(topic, receivedId, encode(newerTable));
    await harness.sendRaw(topic, afterId, encode(submitted(afterId)));
    const running = start();
    await eventually(async () => running.held(), (held) => held.length > 0, { what: 'the reception held' });
    expect(running.held()).toEqual([expect.objectContaining({ topic, partition: 0, eventId: newerTable.id, type: 'DossierReceived' })]);
    await eventually(async () => running.held()[0].attempts, (n) => n >= 3, { what: 'the partition retried' });
    expect(running.counters.deadLettered).toBe(0);
    expect(await harness.facts(receivedId)).toBeUndefined();
    expect(await harness.facts(afterId)).toBeUndefined();
    await running.stop();
  });
});
