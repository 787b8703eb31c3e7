import { randomUUID } from 'node:crypto';
import { DossierReceived, Envelope, FeeAssessed, integrationEvents, PaymentExpired, PaymentSucceeded, Topics } from '@motcua/contracts';
import { dossierReceived, eventually, InProcessService, procedureSnapshot, startInProcessService } from '@motcua/testing';
import { ProcessingModule } from '../../processing.module';

/**
 * Payment's topic is not ordered against intake's: a pay-first dossier's payment may be read
 * before the case exists. It waits, parked, and resumes the case's clock from the moment it was paid.
 */
describe('processing consumes payment events (real PostgreSQL and Kafka)', () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(ProcessingModule, {
      service: 'processing',
      isolate: { prefix: 'processing_payment_int' },
      topics: [Topics.intake, Topics.payment],
      // The fixtures' due dates are past: no overdue sweep may add its events to the streams asserted here.
      env: { DEADLINE_CHECK_INTERVAL_MS: '3600000' },
    });
  });
  afterAll(() => h?.close());

  const send = (topic: string, envelope: Envelope) => h.send(topic, envelope);
  const caseEvents = (dossierId: string) => h.store.readStream(dossierId);
  const inboxOutcome = async (messageId: string) => (await h.db.query<{ outcome: string }>('select outcome from processing.inbox where message_id = $1', [messageId])).rows[0]?.outcome;

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

  it('records the payment overdue when a request expires unpaid, and still resumes when a later request is paid', async () => {
    const dossierId = randomUUID();
    const received = dossierReceived({ dossierId, receivedAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-16T02:00:00.000Z', procedure: procedureSnapshot({ payFirst: true }) });
    await send(Topics.intake, integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: received.receivedAt, data: received }));
    const expired = integrationEvents.createEnvelope(PaymentExpired, {
      source: 'motcua/payment',
      subject: dossierId,
      time: '2026-03-03T02:00:00.000Z',
      data: { dossierId, paymentId: 'pay-1', expiredAt: '2026-03-03T02:00:00.000Z' },
    });
    await send(Topics.payment, expired);
    const overdue = await eventually(() => caseEvents(dossierId), (events) => events.some((e) => e.type === 'PaymentOverdue'), { what: 'the payment recorded overdue' });
    expect(overdue.find((e) => e.type === 'PaymentOverdue')?.data).toEqual({ dossierId, paymentId: 'pay-1', expiredAt: '2026-03-03T02:00:00.000Z', reminder: 1 });

    // The portal's next checkout opened a new request (payment's docs); that one is paid.
    const paid = integrationEvents.createEnvelope(PaymentSucceeded, {
      source: 'motcua/payment',
      subject: dossierId,
      time: '2026-03-04T02:00:00.000Z',
      data: { dossierId, paymentId: 'pay-2', paidAt: '2026-03-04T02:00:00.000Z', amount: 50_000, method: 'ONLINE' },
    });
    await send(Topics.payment, paid);
    const stream = await eventually(() => caseEvents(dossierId), (events) => events.some((e) => e.type === 'ProcessingResumed'), { what: 'the case resumed by the later payment' });
    expect(stream.map((e) => e.type).slice(2)).toEqual(['ProcessingPaused', 'PaymentOverdue', 'ProcessingResumed']);
    expect(stream.at(-1)?.data).toMatchObject({ reason: 'AWAITING_PAYMENT', pausedWorkingMinutes: 900, dueAt: '2026-03-18T02:00:00.000Z' });
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
