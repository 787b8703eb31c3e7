import type { Decider } from '@motcua/event-store';
import { assertNever } from '@motcua/platform/errors';
import { assessFees } from '../fees/fee-assessment';
import type { BillCommand } from './bill.commands';
import { AmountMismatchError, BillNotFoundError, BillStateError, UnknownPaymentError } from './bill.errors';
import type { BillEvent } from './bill.events';
import { BillState, evolveBill, initialBillState, PaymentRequestState } from './bill.state';
import { assertPayable, checkoutTarget, expiryFrom, isLapsed } from './checkout-target';
import { refundsOn } from './refund-policy';

type Outcome = Extract<BillCommand, { type: 'RecordPlatformOutcome' }>;

/**
 * A dossier's bill: assessment at reception, requests and their expiry, what the platform and the
 * counter report, and refunds under the procedure's rule. Pure: ids and instants come in the command.
 */
export function decideBill(command: BillCommand, state: BillState): BillEvent[] {
  if (command.type === 'AssessFees') return state.status === 'NONE' ? assess(command) : [];
  if (state.status === 'NONE' || !state.opened) {
    // Facts from elsewhere about a dossier never received (withdrawn or transferred before reception) change nothing.
    if (command.type === 'CloseBill' || command.type === 'ExpireRequest' || command.type === 'TransferBill') return [];
    throw command.type === 'RecordPlatformOutcome' ? new UnknownPaymentError() : new BillNotFoundError();
  }
  const { dossierId } = state.opened;
  if (command.type === 'TransferBill') return transfer(state.opened.unit, command.transfer);
  const at = command.at.toISOString();

  switch (command.type) {
    case 'StartCheckout': {
      const target = checkoutTarget(state, command.at);
      const started: BillEvent = { type: 'CheckoutStarted', data: { dossierId, paymentId: command.paymentId, checkoutId: command.checkoutId, payerUrl: command.payerUrl, startedAt: at } };
      if (target.kind === 'EXISTING') return [];
      if (target.kind === 'CURRENT') {
        if (target.request.paymentId !== command.paymentId) throw new BillStateError('PAYMENT.CHECKOUT_RACE', 'Another checkout for this dossier started at the same time');
        return [started];
      }
      // The request this checkout was opened for ended (expiry pass) between the load and now: its id
      // must not name a second request; the payer's retry starts a fresh one.
      if (state.requests.some((r) => r.paymentId === command.paymentId)) throw new BillStateError('PAYMENT.CHECKOUT_RACE', 'The payment request ended while the checkout was starting; start again');
      const lapsed: BillEvent[] = target.lapsed ? [{ type: 'PaymentExpired', data: { dossierId, paymentId: target.lapsed.paymentId, expiredAt: target.lapsed.expiresAt ?? at } }] : [];
      return [...lapsed, requested(dossierId, command.paymentId, state.total, command.at, command.expiryHours), started];
    }
    case 'RecordPlatformOutcome':
      return platformOutcome(state, command);
    case 'RecordCashPayment':
      assertPayable(state);
      if (command.amount !== state.total) {
        throw new AmountMismatchError('PAYMENT.AMOUNT_MISMATCH', 'amount', `The amount received must equal the ${state.total} VND due`);
      }
      return [{ type: 'PaymentSucceeded', data: { dossierId, paymentId: command.paymentId, paidAt: at, amount: command.amount, method: 'CASH' } }];
    case 'ExpireRequest': {
      const current = state.requests.at(-1);
      if (state.settledBy || state.closed || current?.status !== 'OPEN' || !isLapsed(current, command.at)) return [];
      return [{ type: 'PaymentExpired', data: { dossierId, paymentId: current.paymentId, expiredAt: current.expiresAt ?? at } }];
    }
    case 'CloseBill': {
      if (state.closed) return [];
      const closed: BillEvent = { type: 'BillClosed', data: { dossierId, closedAt: at, reason: command.reason } };
      const settled = state.requests.find((r) => r.paymentId === state.settledBy);
      if (!settled || settled.refund || !refundsOn(state.opened.refundRule, command.reason)) return [closed];
      return [closed, refund(dossierId, settled, command.reason, command.at)];
    }
    case 'ConfirmRefund': {
      const request = state.requests.find((r) => r.paymentId === command.paymentId);
      if (request?.refund?.status !== 'REQUESTED') return [];
      return [{ type: 'PaymentRefunded', data: { dossierId, paymentId: request.paymentId, refundedAt: at, amount: request.refund.amount, reason: request.refund.reason } }];
    }
    default:
      return assertNever(command);
  }
}

function assess(command: Extract<BillCommand, { type: 'AssessFees' }>): BillEvent[] {
  const { received } = command;
  const { dossierId, receivedAt, procedure } = received;
  const { items, total, exempt } = assessFees(procedure, received.channel);
  const events: BillEvent[] = [
    {
      type: 'BillOpened',
      data: { dossierId, code: received.code, receivedAt, channel: received.channel, unit: received.unit, procedureCode: procedure.code, procedureVersion: procedure.version, refundRule: procedure.refundRule, ...(received.portal === undefined ? {} : { portal: received.portal }) },
    },
    { type: 'FeeAssessed', data: { dossierId, assessedAt: receivedAt, items, total, exempt, payFirst: procedure.payFirst } },
  ];
  // Reception's time, not the message's: a replay or a late delivery gives the same expiry.
  if (total > 0) events.push(requested(dossierId, command.paymentId, total, new Date(receivedAt), command.expiryHours));
  return events;
}

/**
 * The platform's word on a checkout. A report that disagrees with the request changes nothing. A
 * success is recorded whatever came before (the money moved): after expiry or failure it settles
 * the bill if nothing else did; if something else did, or the dossier has ended, it is given back.
 * A failure counts only while the request is open; a late one after a success changes nothing.
 */
function platformOutcome(state: BillState, command: Outcome): BillEvent[] {
  const dossierId = state.opened?.dossierId as string;
  const request = state.requests.find((r) => r.paymentId === command.paymentId);
  if (!request || request.method === 'CASH') throw new UnknownPaymentError();
  if (command.currency !== 'VND') throw new AmountMismatchError('PAYMENT.CURRENCY_MISMATCH', 'data.currency', 'Payments are in VND');
  if (command.amount !== request.amount) throw new AmountMismatchError('PAYMENT.AMOUNT_MISMATCH', 'data.amount', 'The amount paid is not the amount requested');
  if (request.checkout && request.checkout.checkoutId !== command.checkoutId) {
    throw new AmountMismatchError('PAYMENT.CHECKOUT_MISMATCH', 'data.checkoutId', 'The checkout is not the one this payment was started with');
  }
  const at = command.at.toISOString();
  if (command.outcome === 'FAILED') {
    if (request.status !== 'OPEN') return [];
    return [{ type: 'PaymentFailed', data: { dossierId, paymentId: request.paymentId, failedAt: at, reason: command.failureCode ?? 'DECLINED' } }];
  }
  if (request.status === 'SUCCEEDED') return [];
  const succeeded: BillEvent = {
    type: 'PaymentSucceeded',
    data: { dossierId, paymentId: request.paymentId, paidAt: at, amount: request.amount, method: 'ONLINE', ...(command.reference ? { platformReference: command.reference } : {}) },
  };
  if (!state.settledBy && !state.closed) return [succeeded];
  const paid = { ...request, status: 'SUCCEEDED' as const, method: 'ONLINE' as const };
  return [succeeded, refund(dossierId, paid, state.closed?.reason ?? 'OTHER', command.at)];
}

/**
 * A bill moves with its dossier, finished or not (the holder of a closed bill is who answers for
 * it). Only a bill at the merged unit moves: a transfer delivered again finds it at the successor.
 */
function transfer(unit: string, t: Extract<BillCommand, { type: 'TransferBill' }>['transfer']): BillEvent[] {
  if (unit !== t.fromUnit) return [];
  const { dossierId, transferredAt, fromUnit, toUnit, reorganisationId, effectiveAt, transitionEndsAt } = t;
  return [{ type: 'BillTransferred', data: { dossierId, transferredAt, fromUnit, toUnit, reorganisationId, effectiveAt, transitionEndsAt } }];
}

function requested(dossierId: string, paymentId: string, amount: number, at: Date, expiryHours: number): BillEvent {
  return { type: 'PaymentRequested', data: { dossierId, paymentId, requestedAt: at.toISOString(), amount, expiresAt: expiryFrom(at, expiryHours) } };
}

/** Online money goes back through the platform (recorded once it confirms); cash is handed back at the counter. */
function refund(dossierId: string, paid: PaymentRequestState, reason: 'WITHDRAWN' | 'STOPPED' | 'OTHER', at: Date): BillEvent {
  const data = { dossierId, paymentId: paid.paymentId, amount: paid.amount, reason };
  if (paid.method === 'CASH') return { type: 'PaymentRefunded', data: { ...data, refundedAt: at.toISOString() } };
  return { type: 'RefundRequested', data: { ...data, requestedAt: at.toISOString() } };
}

export const billDecider: Decider<BillCommand, BillEvent, BillState> = { initialState: initialBillState, evolve: evolveBill, decide: decideBill };
