import { assertNever } from '@motcua/platform/errors';
import type { AssessedItem } from '../fees/fee-assessment';
import type { BillEvent, BillOpenedData, ClosingReason, RefundReason } from './bill.events';

export type RequestStatus = 'OPEN' | 'SUCCEEDED' | 'FAILED' | 'EXPIRED';

export interface PaymentRequestState {
  paymentId: string;
  amount: number;
  requestedAt: string;
  /** Absent for a cash payment, settled on the spot. */
  expiresAt?: string;
  status: RequestStatus;
  method?: 'ONLINE' | 'CASH';
  paidAt?: string;
  checkout?: { checkoutId: string; payerUrl: string };
  refund?: { status: 'REQUESTED' | 'REFUNDED'; amount: number; reason: RefundReason };
}

/** The unit a transfer took the bill from, whose officers still act on it until `until`. */
export interface FormerBillUnit {
  unit: string;
  until: string;
}

export interface BillState {
  status: 'NONE' | 'OPEN';
  /** `unit` is the unit holding the dossier now: the receiving one, or its successor after a transfer. */
  opened?: BillOpenedData & { former?: FormerBillUnit };
  items: AssessedItem[];
  total: number;
  exempt: boolean;
  payFirst: boolean;
  /** In the order they were made; the last is the current one. */
  requests: PaymentRequestState[];
  /** The payment that settled the bill; any other that succeeds is money to give back. */
  settledBy?: string;
  closed?: { reason: ClosingReason; at: string };
}

export const initialBillState: BillState = { status: 'NONE', items: [], total: 0, exempt: false, payFirst: false, requests: [] };

export function evolveBill(state: BillState, event: BillEvent): BillState {
  const update = (paymentId: string, change: (request: PaymentRequestState) => PaymentRequestState): BillState => ({
    ...state,
    requests: state.requests.map((request) => (request.paymentId === paymentId ? change(request) : request)),
  });
  switch (event.type) {
    case 'BillOpened':
      return { ...state, status: 'OPEN', opened: event.data };
    case 'FeeAssessed':
      return { ...state, items: event.data.items, total: event.data.total, exempt: event.data.exempt, payFirst: event.data.payFirst };
    case 'PaymentRequested': {
      const { paymentId, amount, requestedAt, expiresAt } = event.data;
      return { ...state, requests: [...state.requests, { paymentId, amount, requestedAt, expiresAt, status: 'OPEN' }] };
    }
    case 'CheckoutStarted':
      return update(event.data.paymentId, (r) => ({ ...r, checkout: { checkoutId: event.data.checkoutId, payerUrl: event.data.payerUrl } }));
    case 'PaymentSucceeded': {
      const { paymentId, amount, paidAt, method } = event.data;
      const known = state.requests.some((r) => r.paymentId === paymentId);
      const paid = { status: 'SUCCEEDED' as const, method, paidAt };
      const next = known ? update(paymentId, (r) => ({ ...r, ...paid })) : { ...state, requests: [...state.requests, { paymentId, amount, requestedAt: paidAt, ...paid }] };
      return { ...next, settledBy: state.settledBy ?? paymentId };
    }
    case 'PaymentFailed':
      return update(event.data.paymentId, (r) => ({ ...r, status: 'FAILED' }));
    case 'PaymentExpired':
      return update(event.data.paymentId, (r) => ({ ...r, status: 'EXPIRED' }));
    case 'RefundRequested':
      return update(event.data.paymentId, (r) => ({ ...r, refund: { status: 'REQUESTED', amount: event.data.amount, reason: event.data.reason } }));
    case 'PaymentRefunded': {
      const refunded = update(event.data.paymentId, (r) => ({ ...r, refund: { status: 'REFUNDED', amount: event.data.amount, reason: event.data.reason } }));
      // Money given back no longer settles the bill.
      return state.settledBy === event.data.paymentId ? { ...refunded, settledBy: undefined } : refunded;
    }
    case 'BillClosed':
      return { ...state, closed: { reason: event.data.reason, at: event.data.closedAt } };
    case 'BillTransferred':
      if (!state.opened) return state;
      return { ...state, opened: { ...state.opened, unit: event.data.toUnit, former: { unit: event.data.fromUnit, until: event.data.transitionEndsAt } } };
    default:
      return assertNever(event);
  }
}
