import { integrationEvents, paymentEvents } from '@motcua/contracts';
import { dossierReceived, procedureSnapshot } from '@motcua/testing';
import type { BillCommand } from './bill.commands';
import { billDecider } from './bill.decider';
import { INTERNAL_BILL_EVENTS } from './bill.events';
import type { BillEvent } from './bill.events';

const dossierId = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const at = (iso: string) => new Date(iso);
const fee = { code: 'LLTP', name: 'Phí lý lịch tư pháp', kind: 'FEE' as const, amount: 200_000, online: { rule: 'NONE' as const } };
const received = (overrides: Parameters<typeof procedureSnapshot>[0] = {}, channel: 'ONLINE' | 'COUNTER' = 'ONLINE') =>
  dossierReceived({ dossierId, channel, receivedAt: '2025-03-03T02:00:00.000Z', procedure: procedureSnapshot({ fees: [fee], payFirst: true, ...overrides }) });
const assess = (overrides: Parameters<typeof procedureSnapshot>[0] = {}, channel: 'ONLINE' | 'COUNTER' = 'ONLINE'): BillCommand => ({
  type: 'AssessFees',
  received: received(overrides, channel),
  paymentId: 'pay-1',
  expiryHours: 24,
});
const checkout = (paymentId: string, when = '2025-03-03T03:00:00.000Z'): BillCommand => ({ type: 'StartCheckout', paymentId, checkoutId: `co-${paymentId}`, payerUrl: `https://pay.example/${paymentId}`, at: at(when), expiryHours: 24 });
const platform = (outcome: 'SUCCEEDED' | 'FAILED', overrides: Partial<Extract<BillCommand, { type: 'RecordPlatformOutcome' }>> = {}): BillCommand => ({
  type: 'RecordPlatformOutcome',
  paymentId: 'pay-1',
  checkoutId: 'co-pay-1',
  outcome,
  amount: 200_000,
  currency: 'VND',
  reference: 'txn-1',
  at: at('2025-03-03T03:05:00.000Z'),
  ...overrides,
});

/** Given the commands before, when these: the events each produced, or its error code. */
function run(...commands: BillCommand[]) {
  let state = billDecider.initialState;
  const outcomes: (string[] | string)[] = [];
  const events: BillEvent[] = [];
  for (const command of commands) {
    try {
      const decided = billDecider.decide(command, state);
      state = decided.reduce(billDecider.evolve, state);
      events.push(...decided);
      outcomes.push(decided.map((e) => e.type));
    } catch (error) {
      outcomes.push((error as { code: string }).code);
    }
  }
  return { outcomes, state, events };
}
const dataOf = <T extends BillEvent['type']>(events: BillEvent[], type: T) => events.filter((e): e is Extract<BillEvent, { type: T }> => e.type === type).map((e) => e.data);

describe('bill decider', () => {
  it('assesses at reception and requests payment with an expiry counted from reception, once', () => {
    const { outcomes, events } = run(assess(), assess());
    expect(outcomes).toEqual([['BillOpened', 'FeeAssessed', 'PaymentRequested'], []]);
    expect(dataOf(events, 'FeeAssessed')[0]).toMatchObject({ assessedAt: '2025-03-03T02:00:00.000Z', total: 200_000, exempt: false, payFirst: true });
    expect(dataOf(events, 'PaymentRequested')[0]).toEqual({ dossierId, paymentId: 'pay-1', requestedAt: '2025-03-03T02:00:00.000Z', amount: 200_000, expiresAt: '2025-03-04T02:00:00.000Z' });
  });

  it('assesses each dossier on the procedure version its snapshot carries, and records that version', () => {
    // Version 2 of the same procedure changed the online rule from a 15% discount to the full fee.
    const v1 = run(assess({ version: 1, fees: [{ ...fee, online: { rule: 'DISCOUNT_PERCENT', percent: 15 } }] }));
    const v2 = run(assess({ version: 2 }));
    expect([v1, v2].map(({ state }) => [state.opened?.procedureVersion, state.total])).toEqual([
      [1, 170_000],
      [2, 200_000],
    ]);
  });

  it('records an exempt assessment with nothing to pay and refuses checkout and cash', () => {
    const { outcomes, events } = run(assess({ fees: [{ ...fee, online: { rule: 'EXEMPT' } }] }), checkout('pay-2'), { type: 'RecordCashPayment', paymentId: 'c', amount: 0, at: at('2025-03-03T03:00:00.000Z') });
    expect(outcomes).toEqual([['BillOpened', 'FeeAssessed'], 'PAYMENT.NOTHING_DUE', 'PAYMENT.NOTHING_DUE']);
    expect(dataOf(events, 'FeeAssessed')[0]).toMatchObject({ total: 0, exempt: true });
  });

  it('starts one checkout for the open request; a repeat returns it', () => {
    const { outcomes, state } = run(assess(), checkout('pay-1'), checkout('pay-9'));
    expect(outcomes.slice(1)).toEqual([['CheckoutStarted'], []]);
    expect(state.requests[0].checkout).toEqual({ checkoutId: 'co-pay-1', payerUrl: 'https://pay.example/pay-1' });
  });

  it('records a success once; a duplicate and a late failure change nothing', () => {
    const { outcomes, state } = run(assess(), checkout('pay-1'), platform('SUCCEEDED'), platform('SUCCEEDED'), platform('FAILED', { failureCode: 'DECLINED' }));
    expect(outcomes.slice(2)).toEqual([['PaymentSucceeded'], [], []]);
    expect(state.settledBy).toBe('pay-1');
  });

  it('refuses a report whose amount, currency or checkout is not the request’s, and an unknown payment', () => {
    const { outcomes } = run(
      assess(),
      checkout('pay-1'),
      platform('SUCCEEDED', { amount: 199_000 }),
      platform('SUCCEEDED', { currency: 'USD' }),
      platform('SUCCEEDED', { checkoutId: 'co-other' }),
      platform('SUCCEEDED', { paymentId: 'pay-x' }),
    );
    expect(outcomes.slice(2)).toEqual(['PAYMENT.AMOUNT_MISMATCH', 'PAYMENT.CURRENCY_MISMATCH', 'PAYMENT.CHECKOUT_MISMATCH', 'PAYMENT.UNKNOWN_PAYMENT']);
  });

  it('expires an unpaid request at its expiry, once; a new checkout then makes a new request', () => {
    const { outcomes, events } = run(
      assess(),
      { type: 'ExpireRequest', at: at('2025-03-04T01:59:59.000Z') },
      { type: 'ExpireRequest', at: at('2025-03-04T02:00:00.000Z') },
      { type: 'ExpireRequest', at: at('2025-03-05T02:00:00.000Z') },
      checkout('pay-2', '2025-03-05T02:00:00.000Z'),
    );
    expect(outcomes.slice(1)).toEqual([[], ['PaymentExpired'], [], ['PaymentRequested', 'CheckoutStarted']]);
    expect(dataOf(events, 'PaymentRequested')[1]).toMatchObject({ paymentId: 'pay-2', expiresAt: '2025-03-06T02:00:00.000Z' });
  });

  it('records the lapsed request as expired when a checkout comes before the expiry pass', () => {
    const { outcomes } = run(assess(), checkout('pay-2', '2025-03-04T03:00:00.000Z'));
    expect(outcomes[1]).toEqual(['PaymentExpired', 'PaymentRequested', 'CheckoutStarted']);
  });

  it('refuses a checkout for a request that expired after it was loaded, rather than reuse its id; a retry makes a new request', () => {
    const { outcomes, state } = run(
      assess(),
      { type: 'ExpireRequest', at: at('2025-03-04T02:00:00.000Z') },
      checkout('pay-1', '2025-03-04T01:59:00.000Z'),
      checkout('pay-2', '2025-03-04T02:01:00.000Z'),
    );
    expect(outcomes.slice(1)).toEqual([['PaymentExpired'], 'PAYMENT.CHECKOUT_RACE', ['PaymentRequested', 'CheckoutStarted']]);
    expect(state.requests.map((r) => [r.paymentId, r.status])).toEqual([['pay-1', 'EXPIRED'], ['pay-2', 'OPEN']]);
  });

  it('takes a success that arrives after expiry when nothing else paid, and gives back one that arrives after another payment', () => {
    const late = run(assess(), checkout('pay-1'), { type: 'ExpireRequest', at: at('2025-03-04T02:00:00.000Z') }, platform('SUCCEEDED'));
    expect(late.outcomes[3]).toEqual(['PaymentSucceeded']);
    expect(late.state.settledBy).toBe('pay-1');

    const twice = run(
      assess(),
      checkout('pay-1'),
      { type: 'ExpireRequest', at: at('2025-03-04T02:00:00.000Z') },
      { type: 'RecordCashPayment', paymentId: 'cash-1', amount: 200_000, at: at('2025-03-04T03:00:00.000Z') },
      platform('SUCCEEDED'),
    );
    expect(twice.outcomes.slice(3)).toEqual([['PaymentSucceeded'], ['PaymentSucceeded', 'RefundRequested']]);
    expect(dataOf(twice.events, 'RefundRequested')[0]).toMatchObject({ paymentId: 'pay-1', amount: 200_000, reason: 'OTHER' });
    expect(twice.state.settledBy).toBe('cash-1');
  });

  it('takes cash only for the exact amount due, and not twice', () => {
    const cash = (amount: number, paymentId = 'cash-1'): BillCommand => ({ type: 'RecordCashPayment', paymentId, amount, at: at('2025-03-03T04:00:00.000Z') });
    const { outcomes } = run(assess({}, 'COUNTER'), cash(150_000), cash(200_000), cash(200_000, 'cash-2'));
    expect(outcomes.slice(1)).toEqual(['PAYMENT.AMOUNT_MISMATCH', ['PaymentSucceeded'], 'PAYMENT.ALREADY_PAID']);
  });

  it('refunds a paid online payment on withdrawal through the platform, once, where the rule says so', () => {
    const withdraw: BillCommand = { type: 'CloseBill', reason: 'WITHDRAWN', at: at('2025-03-05T02:00:00.000Z') };
    const confirm: BillCommand = { type: 'ConfirmRefund', paymentId: 'pay-1', at: at('2025-03-05T02:01:00.000Z') };
    const { outcomes, events, state } = run(assess({ refundRule: 'FULL_ON_WITHDRAWAL' }), checkout('pay-1'), platform('SUCCEEDED'), withdraw, withdraw, confirm, confirm);
    expect(outcomes.slice(3)).toEqual([['BillClosed', 'RefundRequested'], [], ['PaymentRefunded'], []]);
    expect(dataOf(events, 'PaymentRefunded')[0]).toEqual({ dossierId, paymentId: 'pay-1', refundedAt: '2025-03-05T02:01:00.000Z', amount: 200_000, reason: 'WITHDRAWN' });
    expect(state.settledBy).toBeUndefined();
  });

  it('refunds on a stop only under FULL_ON_WITHDRAWAL_OR_STOP; cash is refunded at the counter at once', () => {
    const cash: BillCommand = { type: 'RecordCashPayment', paymentId: 'cash-1', amount: 200_000, at: at('2025-03-03T04:00:00.000Z') };
    const stop: BillCommand = { type: 'CloseBill', reason: 'STOPPED', at: at('2025-03-06T02:00:00.000Z') };
    expect(run(assess({ refundRule: 'FULL_ON_WITHDRAWAL' }, 'COUNTER'), cash, stop).outcomes[2]).toEqual(['BillClosed']);
    const refunded = run(assess({ refundRule: 'FULL_ON_WITHDRAWAL_OR_STOP' }, 'COUNTER'), cash, stop);
    expect(refunded.outcomes[2]).toEqual(['BillClosed', 'PaymentRefunded']);
    expect(dataOf(refunded.events, 'PaymentRefunded')[0]).toMatchObject({ paymentId: 'cash-1', amount: 200_000, reason: 'STOPPED' });
  });

  it('refunds nothing that was not paid, ignores a withdrawal before reception, and gives back a payment made after the end', () => {
    const withdraw: BillCommand = { type: 'CloseBill', reason: 'WITHDRAWN', at: at('2025-03-05T02:00:00.000Z') };
    expect(run(withdraw).outcomes).toEqual([[]]);
    const { outcomes, events } = run(assess({ refundRule: 'FULL_ON_WITHDRAWAL_OR_STOP' }), checkout('pay-1'), withdraw, checkout('pay-2'), platform('SUCCEEDED'));
    expect(outcomes.slice(2)).toEqual([['BillClosed'], 'PAYMENT.DOSSIER_CLOSED', ['PaymentSucceeded', 'RefundRequested']]);
    expect(dataOf(events, 'RefundRequested')[0]).toMatchObject({ reason: 'WITHDRAWN' });
  });

  it('counts a failure only while the request is open; the payer may then start again', () => {
    const { outcomes } = run(assess(), checkout('pay-1'), platform('FAILED', { failureCode: 'INSUFFICIENT_FUNDS' }), platform('FAILED'), checkout('pay-2', '2025-03-03T03:10:00.000Z'));
    expect(outcomes.slice(2)).toEqual([['PaymentFailed'], [], ['PaymentRequested', 'CheckoutStarted']]);
  });

  it('publishes only events that keep their contract, and keeps the internal ones home', () => {
    const cash: BillCommand = { type: 'RecordCashPayment', paymentId: 'cash-1', amount: 200_000, at: at('2025-03-04T03:00:00.000Z') };
    const lives = [
      run(assess({ refundRule: 'FULL_ON_WITHDRAWAL' }), checkout('pay-1'), platform('FAILED', { failureCode: 'INSUFFICIENT_FUNDS' }), checkout('pay-2'), { type: 'ExpireRequest', at: at('2025-03-05T03:00:00.000Z') }),
      run(assess({ refundRule: 'FULL_ON_WITHDRAWAL' }), checkout('pay-1'), cash, platform('SUCCEEDED'), { type: 'ConfirmRefund', paymentId: 'pay-1', at: at('2025-03-05T03:00:00.000Z') }),
    ];
    const published = lives.flatMap((life) => life.events).filter((e) => !INTERNAL_BILL_EVENTS.has(e.type));
    expect(new Set(published.map((e) => e.type))).toEqual(new Set(paymentEvents.map((d) => d.type)));
    for (const event of published) {
      const definition = paymentEvents.find((d) => d.type === event.type);
      if (!definition) throw new Error(`${event.type} is not a payment integration event`);
      expect(() => integrationEvents.createEnvelope(definition, { source: 'motcua/payment', subject: dossierId, time: new Date(0), data: event.data as never })).not.toThrow();
    }
  });
});
