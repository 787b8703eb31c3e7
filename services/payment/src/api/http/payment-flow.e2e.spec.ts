import { randomUUID } from 'node:crypto';
import { DossierReceived, DossierWithdrawn, ProcessingStopped, Topics } from '@motcua/contracts';
import { dossierReceived, eventually, procedureSnapshot } from '@motcua/testing';
import { ExpiryPass } from '../../application/expire-requests/expiry.pass';
import { RefundPass } from '../../application/refund-payments/refund.pass';
import { signPayload } from '../../domain/callback-signature/callback-signature';
import { KAFKA_WAIT, PaymentHarness } from '../../testing/payment.harness';

const lltp = { code: 'LLTP', name: 'Phí cấp phiếu lý lịch tư pháp', kind: 'FEE' as const, amount: 200_000, online: { rule: 'DISCOUNT_PERCENT' as const, percent: 15 } };
type SimEvent = { id: string; state: string; attempts: { status: number | string }[] };

/**
 * From reception on Kafka to a paid bill through the simulated platform's signed callbacks over
 * HTTP; duplicates, reordering and refusals. Real PostgreSQL and Kafka.
 */
describe('payment: received dossier to paid, through the simulated platform (real PostgreSQL, Kafka, HTTP callbacks)', () => {
  const h = new PaymentHarness();
  beforeAll(() => h.start(), 120_000);
  afterAll(() => h.stop(), 30_000);

  const procedure = (overrides = {}) => ({ fees: [lltp], payFirst: true, refundRule: 'FULL_ON_WITHDRAWAL' as const, ...overrides });
  const checkout = (dossierId: string) => h.call('POST', `/dossiers/${dossierId}/payment/checkout`, h.portal());
  const simEvents = async (checkoutId: string) => (await h.simulator('GET', `/simulator/events?checkoutId=${checkoutId}`)).body as SimEvent[];
  const attempt = async (checkoutId: string, body: unknown) => (await h.simulator('POST', `/simulator/checkouts/${checkoutId}/attempts`, body)).body as { eventId: string };
  const delivered = (checkoutId: string, eventId: string, answers: number) =>
    eventually(async () => (await simEvents(checkoutId)).find((e) => e.id === eventId), (e) => e?.state === 'DELIVERED' && e.attempts.length >= answers, { what: `delivery of ${eventId}` });
  const paymentsOf = async (dossierId: string) => (await h.types(dossierId)).filter((t) => t === 'PaymentSucceeded').length;
  let paidOnline: string;

  it('assesses a received online dossier, checks out at the platform, and records a twice-delivered success once', async () => {
    const dossierId = await h.receive({ procedure: procedureSnapshot(procedure()) });
    expect(await h.types(dossierId)).toEqual(['BillOpened', 'FeeAssessed', 'PaymentRequested']);

    const bill = await h.call('GET', `/dossiers/${dossierId}/payment`, h.portal());
    expect(bill.status).toBe(200);
    expect(bill.body).toMatchObject({ total: 170_000, exempt: false, payFirst: true, status: 'AWAITING_PAYMENT', items: [{ code: 'LLTP', listed: 200_000, due: 170_000, rule: 'DISCOUNT_PERCENT' }] });

    const started = await checkout(dossierId);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ amount: 170_000, currency: 'VND', payerUrl: `${h.platformBase}/pay/${String(started.body['checkoutId'])}` });
    expect((await checkout(dossierId)).body['checkoutId']).toBe(started.body['checkoutId']);

    const checkoutId = String(started.body['checkoutId']);
    const { eventId } = await attempt(checkoutId, { outcome: 'SUCCEEDED', delivery: { duplicates: 1 } });
    await eventually(() => paymentsOf(dossierId), (n) => n === 1, { what: 'the payment recorded' });
    await delivered(checkoutId, eventId, 2);
    const [event] = await simEvents(checkoutId);
    expect(event.attempts.map((a) => a.status)).toEqual([200, 200]);
    expect(await paymentsOf(dossierId)).toBe(1);
    expect(await h.count(`select count(*) as n from payment.platform_callbacks where event_id = $1`, [eventId])).toBe(1);
    expect((await h.call('GET', `/dossiers/${dossierId}/payment`, h.portal())).body).toMatchObject({ status: 'PAID', payments: [{ status: 'SUCCEEDED', method: 'ONLINE' }] });
    expect((await checkout(dossierId)).body).toMatchObject({ status: 409, code: 'PAYMENT.ALREADY_PAID' });

    // Processing learns it on payment's topic; the internal events stay home.
    const published = await h.publishedTypes(dossierId, (types) => types.includes('PaymentSucceeded'));
    expect(published).toEqual(['FeeAssessed', 'PaymentRequested', 'PaymentSucceeded']);
    paidOnline = dossierId;
  });

  it('answers another portal 404 on the bill and the checkout, as for no bill; the portal that submitted the dossier 200', async () => {
    const dossierId = await h.receive({ procedure: procedureSnapshot(procedure()) });
    const other = h.portal('other');
    const none = randomUUID();
    const answer = async (method: string, path: string) => {
      const { status, body } = await h.call(method, path, other);
      return { status, code: body['code'] };
    };
    expect(await answer('GET', `/dossiers/${dossierId}/payment`)).toEqual(await answer('GET', `/dossiers/${none}/payment`));
    expect(await answer('POST', `/dossiers/${dossierId}/payment/checkout`)).toEqual(await answer('POST', `/dossiers/${none}/payment/checkout`));
    expect((await answer('GET', `/dossiers/${none}/payment`)).status).toBe(404);
    expect(await h.types(dossierId)).toEqual(['BillOpened', 'FeeAssessed', 'PaymentRequested']);

    expect((await h.call('GET', `/dossiers/${dossierId}/payment`, h.portal())).status).toBe(200);
    expect((await checkout(dossierId)).status).toBe(200);
  });

  it('keeps a success when a failure of an earlier attempt arrives after it', async () => {
    const dossierId = await h.receive({ procedure: procedureSnapshot(procedure()) });
    const checkoutId = String((await checkout(dossierId)).body['checkoutId']);
    const failed = await attempt(checkoutId, { outcome: 'FAILED', failureCode: 'INSUFFICIENT_FUNDS', delivery: { hold: true } });
    await attempt(checkoutId, { outcome: 'SUCCEEDED' });
    await eventually(() => paymentsOf(dossierId), (n) => n === 1, { what: 'the payment recorded' });
    const before = await h.types(dossierId);

    await h.simulator('POST', `/simulator/events/${failed.eventId}/release`);
    await delivered(checkoutId, failed.eventId, 1);
    expect(await h.types(dossierId)).toEqual(before);
    expect(before).not.toContain('PaymentFailed');
  });

  it('refuses a forged, stale, unknown or mismatched callback with a 4xx and changes nothing; accepts the previous secret during a rotation, once', async () => {
    const dossierId = await h.receive({ procedure: procedureSnapshot(procedure()) });
    const started = (await checkout(dossierId)).body;
    const paymentId = String(started['paymentId']);
    const event = (data: Record<string, unknown> = {}) => ({
      id: `evt_${randomUUID()}`,
      type: 'checkout.succeeded',
      created: Math.floor(Date.now() / 1000),
      data: { checkoutId: started['checkoutId'], merchantReference: paymentId, amount: 170_000, currency: 'VND', reference: 'txn-test', ...data },
    });
    const send = async (body: unknown, secret: string, t = Math.floor(Date.now() / 1000)) => {
      const raw = JSON.stringify(body);
      const response = await fetch(`${h.base}/payment-callbacks`, { method: 'POST', headers: { 'content-type': 'application/json', 'payment-signature': `t=${t},v1=${signPayload(secret, t, raw)}` }, body: raw });
      return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
    };
    // Other tests' dossiers may reach this app from the shared topics meanwhile: count what callbacks can touch.
    const state = async () => ({
      callbacks: await h.count(`select count(*) as n from payment.platform_callbacks`),
      requests: (await h.db.query(`select payment_id, status, settled from payment.payment_requests where dossier_id = $1 order by payment_id`, [dossierId])).rows,
      refunds: await h.count(`select count(*) as n from payment.refunds`),
      stream: await h.types(dossierId),
    });

    const before = await state();
    const refusals = [
      await send(event(), `whsec-forged-${h.suffix}-0123456789abcdef`),
      await send(event(), h.secrets.current, Math.floor(Date.now() / 1000) - 3_600),
      await send(event({ merchantReference: randomUUID() }), h.secrets.current),
      await send(event({ amount: 17_000 }), h.secrets.current),
      await send(event({ currency: 'USD' }), h.secrets.current),
      await send({ ...event(), data: { amount: 'lots' } }, h.secrets.current),
    ];
    expect(refusals.map((r) => [r.status, r.body['code']])).toEqual([
      [401, 'PAYMENT_CALLBACK.BAD_SIGNATURE'],
      [401, 'PAYMENT_CALLBACK.STALE'],
      [404, 'PAYMENT.UNKNOWN_PAYMENT'],
      [422, 'PAYMENT.AMOUNT_MISMATCH'],
      [422, 'PAYMENT.CURRENCY_MISMATCH'],
      [400, 'REQUEST.INVALID'],
    ]);
    expect(refusals.every((r) => r.type?.startsWith('application/problem+json'))).toBe(true);
    // A tampered body under a good signature of the original is forged too.
    const original = JSON.stringify(event());
    const t = Math.floor(Date.now() / 1000);
    const tampered = await fetch(`${h.base}/payment-callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'payment-signature': `t=${t},v1=${signPayload(h.secrets.current, t, original)}` },
      body: original.replace('170000', '1'),
    });
    expect(tampered.status).toBe(401);
    expect(await state()).toEqual(before);

    // A field the platform added since is ignored, not refused.
    const good = { ...event(), livemode: false };
    expect(await send(good, h.secrets.previous)).toMatchObject({ status: 200, body: { eventId: good.id, status: 'APPLIED' } });
    expect(await send(good, h.secrets.current)).toMatchObject({ status: 200, body: { eventId: good.id, status: 'DUPLICATE' } });
    expect(await paymentsOf(dossierId)).toBe(1);
  });

  it('takes cash from a reception officer of the dossier’s unit for exactly the amount due', async () => {
    const dossierId = await h.receive({ channel: 'COUNTER', unit: 'H56.22', procedure: procedureSnapshot(procedure({ refundRule: 'FULL_ON_WITHDRAWAL_OR_STOP' })) });
    const cash = (who: Record<string, string>, amount: unknown) => h.call('POST', `/dossiers/${dossierId}/payment/cash`, who, { amount });
    const at = h.officer('RECEPTION_OFFICER', 'H56.22');
    expect((await cash(h.officer('RECEPTION_OFFICER', 'H56.99'), 200_000)).body).toMatchObject({ status: 403, code: 'AUTH.OTHER_UNIT' });
    expect((await cash(h.officer('PROCESSING_OFFICER', 'H56.22'), 200_000)).status).toBe(403);
    expect((await cash(at, 170_000)).body).toMatchObject({ status: 422, code: 'PAYMENT.AMOUNT_MISMATCH', errors: [{ field: 'amount' }] });
    expect((await cash(at, '200000')).body).toMatchObject({ status: 400, code: 'REQUEST.INVALID', errors: expect.arrayContaining([expect.objectContaining({ field: 'amount' })]) });
    expect(await paymentsOf(dossierId)).toBe(0);
    // A counter that lost the answer retries with the same Idempotency-Key: the first receipt, one payment.
    const key = randomUUID();
    const first = await h.call('POST', `/dossiers/${dossierId}/payment/cash`, { ...at, 'idempotency-key': key }, { amount: 200_000 });
    const again = await h.call('POST', `/dossiers/${dossierId}/payment/cash`, { ...at, 'idempotency-key': key }, { amount: 200_000 });
    expect(first).toMatchObject({ status: 201, body: { amount: 200_000, method: 'CASH' } });
    expect(again).toEqual({ ...first, status: 200 });
    expect(await paymentsOf(dossierId)).toBe(1);
    expect((await h.call('POST', `/dossiers/${dossierId}/payment/cash`, { ...at, 'idempotency-key': key }, { amount: 170_000 })).body).toMatchObject({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
    // Without a key a repeat is refused, as before.
    expect((await cash(at, 200_000)).body).toMatchObject({ status: 409, code: 'PAYMENT.ALREADY_PAID' });
    expect((await h.call('GET', `/dossiers/${dossierId}/payment`, h.officer('PROCESSING_OFFICER', 'H56.99'))).status).toBe(403);

    // Processing stops the case: this procedure refunds on a stop, in cash at the counter.
    await h.publish(ProcessingStopped, Topics.processing, dossierId, h.clock.now().toISOString(), { dossierId, stoppedAt: h.clock.now().toISOString(), reason: 'Theo đề nghị của người nộp', decidedBy: 'leader-1' });
    await eventually(() => h.types(dossierId), (types) => types.includes('PaymentRefunded'), { ...KAFKA_WAIT, what: 'the cash refund' });
    expect((await h.call('GET', `/dossiers/${dossierId}/payment`, at)).body).toMatchObject({
      status: 'REFUNDED',
      payments: [
        { status: 'SUPERSEDED', method: null },
        { status: 'SUCCEEDED', method: 'CASH', refund: { status: 'REFUNDED', amount: 200_000, reason: 'STOPPED' } },
      ],
    });
  });

  it('refunds an online payment through the platform when the dossier is withdrawn, once', async () => {
    const bill = (await h.call('GET', `/dossiers/${paidOnline}/payment`, h.portal())).body as { payments: { checkoutId: string }[] };
    await h.publish(DossierWithdrawn, Topics.intake, paidOnline, h.clock.now().toISOString(), { dossierId: paidOnline, code: 'H56.22-250303-0007', withdrawnAt: h.clock.now().toISOString() });
    await eventually(() => h.types(paidOnline), (types) => types.includes('RefundRequested'), { ...KAFKA_WAIT, what: 'the refund requested' });
    const passes = h.app.get(RefundPass);
    expect(await passes.tick()).toBeGreaterThanOrEqual(1);
    expect(await passes.tick()).toBe(0);
    expect((await h.types(paidOnline)).filter((t) => t === 'PaymentRefunded')).toHaveLength(1);
    const atPlatform = await fetch(`${h.platformBase}/v1/checkouts/${bill.payments[0].checkoutId}`, { headers: { authorization: `Bearer ${h.merchantKey}` } });
    expect(await atPlatform.json()).toMatchObject({ status: 'SUCCEEDED', refunded: 170_000 });
  });

  it('holds a stop that arrives before the reception, and closes the bill once the reception arrives', async () => {
    const dossierId = randomUUID();
    const at = h.clock.now().toISOString();
    const stop = await h.publish(ProcessingStopped, Topics.processing, dossierId, at, { dossierId, stoppedAt: at, reason: 'Dừng xử lý', decidedBy: 'leader-1' });
    const parked = () => h.count(`select count(*) as n from payment.inbox where message_id = $1 and outcome = 'PARKED'`, [stop.id]);
    await eventually(parked, (n) => n === 1, { ...KAFKA_WAIT, what: 'the stop parked' });
    expect(await h.types(dossierId)).toEqual([]);

    const data = dossierReceived({ dossierId, receivedAt: at, dueAt: '2024-01-22T02:00:00.000Z', procedure: procedureSnapshot(procedure()) });
    await h.publish(DossierReceived, Topics.intake, dossierId, at, data);
    await eventually(() => h.types(dossierId), (types) => types.includes('BillClosed'), { ...KAFKA_WAIT, what: 'the bill closed after reception' });
    expect(await h.types(dossierId)).toEqual(['BillOpened', 'FeeAssessed', 'PaymentRequested', 'BillClosed']);
    expect((await checkout(dossierId)).body).toMatchObject({ status: 409, code: 'PAYMENT.DOSSIER_CLOSED' });
  });

  it('records an online exemption as such, with nothing to pay', async () => {
    const dossierId = await h.receive({ procedure: procedureSnapshot(procedure({ fees: [{ ...lltp, online: { rule: 'EXEMPT' } }] })) });
    expect(await h.types(dossierId)).toEqual(['BillOpened', 'FeeAssessed']);
    expect((await h.call('GET', `/dossiers/${dossierId}/payment`, h.portal())).body).toMatchObject({ total: 0, exempt: true, status: 'EXEMPT', payments: [] });
    expect((await checkout(dossierId)).body).toMatchObject({ status: 409, code: 'PAYMENT.NOTHING_DUE' });
  });

  it('expires an unpaid request once when its time is up; the next checkout opens a new request', async () => {
    const dossierId = await h.receive({ procedure: procedureSnapshot(procedure()) });
    const first = (await checkout(dossierId)).body;
    const expiry = h.app.get(ExpiryPass);
    await expiry.tick();
    expect(await h.types(dossierId)).not.toContain('PaymentExpired');
    h.clock.advance(24 * 3_600_000);
    // Two replicas' passes at once: they race on the stream version and the loser decides nothing.
    await Promise.all([expiry.tick(), expiry.tick()]);
    await expiry.tick();
    expect((await h.types(dossierId)).filter((t) => t === 'PaymentExpired')).toHaveLength(1);
    const second = (await checkout(dossierId)).body;
    expect(second['paymentId']).not.toBe(first['paymentId']);
    expect(second['checkoutId']).not.toBe(first['checkoutId']);
  });
});
