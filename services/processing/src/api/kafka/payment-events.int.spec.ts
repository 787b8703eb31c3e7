import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DossierReceived, Envelope, FeeAssessed, headersOf, integrationEvents, PaymentSucceeded, Topics, topicSettings } from '@motcua/contracts';
import { EventStore, PgDatabase } from '@motcua/event-store';
import { connectKafka, ensureTopics, EVENT_STORE, KafkaPublisher } from '@motcua/messaging';
import { createServiceApp, DATABASE } from '@motcua/platform';
import { dossierReceived, eventually, isolateService, procedureSnapshot } from '@motcua/testing';
import { ProcessingModule } from '../../processing.module';

/**
 * Payment's topic is not ordered against intake's: a pay-first dossier's payment may be read
 * before the case exists. It waits, parked, and resumes the case's clock from the moment it was paid.
 */
describe('processing consumes payment events (real PostgreSQL and Kafka)', () => {
  let app: NestFastifyApplication;
  let publisher: KafkaPublisher;

  beforeAll(async () => {
    process.env['JWT_SECRET'] ??= 'processing-int-jwt-secret-0123456789abcd';
    await isolateService('processing_payment_int');
    const kafka = connectKafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), clientId: 'payment-stand-in' });
    await ensureTopics(kafka, [topicSettings(Topics.intake, 3), topicSettings(Topics.payment, 3)]);
    publisher = new KafkaPublisher(kafka);
    app = await createServiceApp(ProcessingModule, { service: 'processing', defaultPort: 0 });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await publisher.close();
    await app.close();
  });

  const send = (topic: string, envelope: Envelope) => publisher.publish(topic, [{ key: envelope.subject, value: integrationEvents.encode(envelope), headers: headersOf(envelope) }]);
  const caseEvents = (dossierId: string) => app.get<EventStore>(EVENT_STORE).readStream(dossierId);
  const inboxOutcome = async (messageId: string) =>
    (await app.get<PgDatabase>(DATABASE).query<{ outcome: string }>('select outcome from processing.inbox where message_id = $1', [messageId])).rows[0]?.outcome;

  it('resumes a pay-first case from the payment time, also when the payment is read before the case opens', async () => {
    const dossierId = randomUUID();
    // Monday 09:00 in Hà Nội, ten working days; paid the next morning at 09:00.
    const received = dossierReceived({ dossierId, receivedAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-16T02:00:00.000Z', procedure: procedureSnapshot({ payFirst: true }) });
    const paid = integrationEvents.createEnvelope(PaymentSucceeded, {
      source: 'motcua/payment',
      subject: dossierId,
      time: '2026-03-03T02:00:00.000Z',
      data: { dossierId, paymentId: 'pay-1', paidAt: '2026-03-03T02:00:00.000Z', amount: 50_000, method: 'ONLINE' },
    });
    await send(Topics.payment, paid);
    await eventually(() => inboxOutcome(paid.id), (outcome) => outcome === 'PARKED', { what: 'the payment parked before the case exists' });
    await send(Topics.intake, integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: received.receivedAt, data: received }));

    const stream = await eventually(() => caseEvents(dossierId), (events) => events.some((e) => e.type === 'ProcessingResumed'), { what: 'the case resumed by the parked payment' });
    expect(stream.slice(0, 4).map((e) => e.type)).toEqual(['CaseOpened', 'CaseAssigned', 'ProcessingPaused', 'ProcessingResumed']);
    // A whole working day (7.5 h) waited for the fee: the due date moves by exactly that.
    expect(stream[3].data).toMatchObject({ reason: 'AWAITING_PAYMENT', resumedAt: '2026-03-03T02:00:00.000Z', pausedWorkingMinutes: 450, dueAt: '2026-03-17T02:00:00.000Z' });
  });

  it('resumes a pay-first case at once when the fee was assessed at nothing (online exemption)', async () => {
    const dossierId = randomUUID();
    const received = dossierReceived({ dossierId, receivedAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-16T02:00:00.000Z', procedure: procedureSnapshot({ payFirst: true }) });
    await send(Topics.intake, integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: received.receivedAt, data: received }));
    const exempt = integrationEvents.createEnvelope(FeeAssessed, {
      source: 'motcua/payment',
      subject: dossierId,
      time: received.receivedAt,
      data: { dossierId, assessedAt: received.receivedAt, items: [{ code: 'LP', kind: 'CHARGE', listed: 50_000, due: 0, rule: 'EXEMPT' }], total: 0, exempt: true, payFirst: true },
    });
    await send(Topics.payment, exempt);
    const stream = await eventually(() => caseEvents(dossierId), (events) => events.some((e) => e.type === 'ProcessingResumed'), { what: 'the case resumed by the exempt assessment' });
    expect(stream.slice(2, 4).map((e) => e.type)).toEqual(['ProcessingPaused', 'ProcessingResumed']);
    expect(stream[3].data).toMatchObject({ reason: 'AWAITING_PAYMENT', pausedWorkingMinutes: 0, dueAt: received.dueAt });
  });

  it('leaves a case that does not wait for payment as it is', async () => {
    const dossierId = randomUUID();
    const received = dossierReceived({ dossierId, receivedAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-16T02:00:00.000Z' });
    await send(Topics.intake, integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: received.receivedAt, data: received }));
    await eventually(() => caseEvents(dossierId), (events) => events.length >= 2, { what: 'the case opened' });
    const paid = integrationEvents.createEnvelope(PaymentSucceeded, {
      source: 'motcua/payment',
      subject: dossierId,
      time: '2026-03-03T02:00:00.000Z',
      data: { dossierId, paymentId: 'pay-2', paidAt: '2026-03-03T02:00:00.000Z', amount: 50_000, method: 'CASH' },
    });
    await send(Topics.payment, paid);
    await eventually(() => inboxOutcome(paid.id), (outcome) => outcome === 'APPLIED', { what: 'the payment applied' });
    expect((await caseEvents(dossierId)).map((e) => e.type)).not.toContain('ProcessingResumed');
  });
});
