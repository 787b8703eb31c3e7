import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DossierReceived, DossierSubmitted, EventData, headersOf, integrationEvents, Topics, topicSettings } from '@motcua/contracts';
import { EventStore } from '@motcua/event-store';
import { connectKafka, ensureTopics, EVENT_STORE, KafkaPublisher } from '@motcua/messaging';
import { createServiceApp } from '@motcua/platform';
import { dossierReceived, eventually, isolateService } from '@motcua/testing';
import { Kafka } from 'kafkajs';
import { ProcessingModule } from '../../processing.module';

/**
 * Intake's DossierReceived arrives on Kafka as intake publishes it (built from libs/contracts,
 * never from intake's code); processing opens the case and publishes only its integration events.
 */
describe('processing consumes intake events (real PostgreSQL and Kafka)', () => {
  let app: NestFastifyApplication;
  let kafka: Kafka;
  let publisher: KafkaPublisher;

  beforeAll(async () => {
    process.env['JWT_SECRET'] ??= 'processing-int-jwt-secret-0123456789abcd';
    await isolateService('processing_intake_int');
    kafka = connectKafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), clientId: 'intake-stand-in' });
    await ensureTopics(kafka, [topicSettings(Topics.intake, 3)]);
    publisher = new KafkaPublisher(kafka);
    app = await createServiceApp(ProcessingModule, { service: 'processing', defaultPort: 0 });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await publisher.close();
    await app.close();
  });

  const dossierId = randomUUID();
  const at = '2025-03-03T02:00:00.000Z';
  const submitted: EventData<typeof DossierSubmitted> = {
    dossierId,
    code: 'H56.22-250303-0001',
    submittedAt: at,
    channel: 'ONLINE',
    unit: 'H56.22',
    procedureCode: 'SAMPLE.DD.01',
    procedureVersion: 1,
    applicantRef: 'c'.repeat(64),
    applicantKind: 'INDIVIDUAL',
    components: [{ componentId: 'form', name: 'Đơn', provenance: 'PAPER' }],
    delivery: 'COUNTER',
  };
  // Far ahead, so that no deadline pass of another test touches this case.
  const received = dossierReceived({ dossierId, code: submitted.code, receivedAt: at, dueAt: '2099-03-17T02:00:00.000Z', applicantRef: submitted.applicantRef, components: submitted.components, delivery: 'COUNTER' });

  it('opens a case at the first agency from DossierReceived, once, and keeps internal events home', async () => {
    const envelopes = [
      integrationEvents.createEnvelope(DossierSubmitted, { source: 'motcua/intake', subject: dossierId, time: at, data: submitted }),
      integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: at, data: received }),
    ];
    const messages = envelopes.map((e) => ({ key: e.subject, value: integrationEvents.encode(e), headers: headersOf(e) }));
    // The received event delivered twice: the inbox applies it once.
    await publisher.publish(Topics.intake, [...messages, messages[1]]);

    const store = app.get<EventStore>(EVENT_STORE);
    const stream = await eventually(() => store.readStream(dossierId), (events) => events.length >= 2, { what: 'the case stream' });
    expect(stream.map((e) => e.type)).toEqual(['CaseOpened', 'CaseAssigned']);
    expect(stream[1].data).toMatchObject({ agency: 'H56.22', step: 1 });

    // Other tests' processing apps also read the shared intake topic: ours are the events whose ids we stored.
    const seen: { id: string; type: string }[] = [];
    const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.processing, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (String(message.key) === dossierId) seen.push(integrationEvents.decode(message.value ?? ''));
      },
    });
    try {
      const ours = new Set(stream.map((e) => e.id));
      await eventually(async () => seen.filter((e) => ours.has(e.id)).length, (n) => n >= 1, { what: 'CaseAssigned on the processing topic' });
      expect(seen.filter((e) => ours.has(e.id)).map((e) => e.type)).toEqual(['CaseAssigned']);
      expect(seen.map((e) => e.type)).not.toContain('CaseOpened');
    } finally {
      await consumer.disconnect();
    }
  });
});
