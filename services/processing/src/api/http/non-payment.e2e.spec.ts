import { randomUUID } from 'node:crypto';
import { WorkingCalendar } from '@motcua/calendar';
import { DossierReceived, integrationEvents, PaymentExpired, Topics } from '@motcua/contracts';
import { FixedClock } from '@motcua/platform';
import { dossierReceived, eventually, InProcessService, procedureSnapshot, startInProcessService } from '@motcua/testing';
import { ProcessingModule } from '../../processing.module';

const vn = (local: string) => new Date(`${local}+07:00`);
// Far ahead of real time, so that no other test's deadline pass touches these cases.
const clock = new FixedClock(vn('2098-04-06T09:00'));
/** Other specs' processing apps share the consumer groups; allow for one stalled rebalance. */
const KAFKA_WAIT = { timeoutMs: 60_000 };

/**
 * An unpaid pay-first dossier: the expired request is shown to the officer (and published, for
 * the portal's reminder); only then may a leader stop processing for non-payment. Real
 * PostgreSQL and Kafka; intake's and payment's events built from libs/contracts.
 */
describe('processing: stopping an unpaid pay-first dossier for non-payment (real PostgreSQL and Kafka)', () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(ProcessingModule, {
      service: 'processing',
      isolate: { prefix: 'processing_non_payment_e2e' },
      env: { DEADLINE_CHECK_INTERVAL_MS: '3600000' },
      topics: [Topics.intake, Topics.payment],
      clock,
    });
  });
  afterAll(() => h?.close());

  const leader = () => h.officer('LEADER', 'H56.22');
  const stop = (dossierId: string, body: unknown) =>
    fetch(`${h.base}/cases/${dossierId}/stop`, { method: 'POST', headers: { ...leader(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const view = async (dossierId: string) => (await (await fetch(`${h.base}/cases/${dossierId}`, { headers: leader() })).json()) as Record<string, unknown>;
  const written = async (dossierId: string) => (await h.store.readStream(dossierId)).map((e) => e.type);

  async function openPayFirstCase(): Promise<string> {
    const dossierId = randomUUID();
    const procedure = procedureSnapshot({ payFirst: true, agencies: ['H56.22'] });
    const receivedAt = clock.now();
    const dueAt = (new WorkingCalendar().dueAt(receivedAt, procedure.processingTime) as Date).toISOString();
    const data = dossierReceived({ dossierId, receivedAt: receivedAt.toISOString(), dueAt, procedure });
    await h.send(Topics.intake, integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: data.receivedAt, data }));
    await eventually(() => written(dossierId), (types) => types.includes('ProcessingPaused'), { ...KAFKA_WAIT, what: 'the case opened, waiting for payment' });
    return dossierId;
  }

  it('refuses a stop for non-payment before the request expired, shows the overdue payment after, then stops', async () => {
    const dossierId = await openPayFirstCase();
    const early = await stop(dossierId, { reason: 'Quá hạn nộp phí', ground: 'NON_PAYMENT' });
    expect(early.status).toBe(422);
    expect(((await early.json()) as { code: string }).code).toBe('CASE.PAYMENT_NOT_OVERDUE');
    expect(await view(dossierId)).toMatchObject({ status: 'PAUSED', paymentOverdue: null });

    const expiredAt = vn('2098-04-07T09:00').toISOString();
    await h.send(Topics.payment, integrationEvents.createEnvelope(PaymentExpired, { source: 'motcua/payment', subject: dossierId, time: expiredAt, data: { dossierId, paymentId: 'pay-1', expiredAt } }));
    await eventually(() => written(dossierId), (types) => types.includes('PaymentOverdue'), { ...KAFKA_WAIT, what: 'the payment recorded overdue' });
    expect(await view(dossierId)).toMatchObject({ status: 'PAUSED', pause: { reason: 'AWAITING_PAYMENT' }, paymentOverdue: { since: expiredAt, paymentId: 'pay-1', reminders: 1 } });

    const stopped = await stop(dossierId, { reason: 'Quá hạn nộp phí', ground: 'NON_PAYMENT' });
    expect(stopped.status).toBe(200);
    expect(await view(dossierId)).toMatchObject({ status: 'STOPPED', stop: { reason: 'Quá hạn nộp phí' } });
  });

  it('names the field of an unknown stop ground and changes nothing', async () => {
    const dossierId = await openPayFirstCase();
    const before = (await written(dossierId)).length;
    const response = await stop(dossierId, { reason: 'x', ground: 'BORED' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['ground']);
    expect((await written(dossierId)).length).toBe(before);
  });
});
