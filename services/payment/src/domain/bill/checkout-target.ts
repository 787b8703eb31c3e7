import { BillNotFoundError, BillStateError } from './bill.errors';
import type { BillState, PaymentRequestState } from './bill.state';

/**
 * Where a new checkout goes: the current request while it is open and unexpired (its existing
 * checkout, or a first one), otherwise a fresh request. Refused when there is nothing to pay.
 */
export type CheckoutTarget =
  | { kind: 'EXISTING'; request: PaymentRequestState & { checkout: NonNullable<PaymentRequestState['checkout']> } }
  | { kind: 'CURRENT'; request: PaymentRequestState }
  | { kind: 'NEW'; lapsed?: PaymentRequestState };

export function checkoutTarget(state: BillState, at: Date): CheckoutTarget {
  assertPayable(state);
  const current = state.requests.at(-1);
  if (current?.status === 'OPEN') {
    if (isLapsed(current, at)) return { kind: 'NEW', lapsed: current };
    if (current.checkout) return { kind: 'EXISTING', request: { ...current, checkout: current.checkout } };
    return { kind: 'CURRENT', request: current };
  }
  return { kind: 'NEW' };
}

/** Something is due and nothing has settled it yet. */
export function assertPayable(state: BillState): void {
  if (state.status === 'NONE') throw new BillNotFoundError();
  if (state.closed) throw new BillStateError('PAYMENT.DOSSIER_CLOSED', `The dossier was ${state.closed.reason.toLowerCase()}; nothing more is collected`);
  if (state.total === 0) throw new BillStateError('PAYMENT.NOTHING_DUE', 'Nothing is due for this dossier');
  if (state.settledBy) throw new BillStateError('PAYMENT.ALREADY_PAID', 'The fees of this dossier are paid');
}

export function isLapsed(request: PaymentRequestState, at: Date): boolean {
  return request.expiresAt !== undefined && at.getTime() >= Date.parse(request.expiresAt);
}

export function expiryFrom(at: Date, hours: number): string {
  return new Date(at.getTime() + hours * 3_600_000).toISOString();
}
