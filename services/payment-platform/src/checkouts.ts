import { randomUUID } from 'node:crypto';

export interface Checkout {
  checkoutId: string;
  merchant: string;
  merchantReference: string;
  amount: number;
  currency: 'VND';
  callbackUrl: string;
  expiresAt?: string;
  status: 'OPEN' | 'SUCCEEDED';
  reference?: string;
  refunded: number;
}

export interface Refund {
  refundId: string;
  checkoutId: string;
  amount: number;
  status: 'SUCCEEDED';
}

export class PlatformRefusal extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The simulator's books, in memory: a simulator needs no durability, and a restart simply forgets
 * its checkouts (the merchant then sees unknown-checkout answers, as after a platform reset).
 */
export class Checkouts {
  private readonly byId = new Map<string, Checkout>();
  private readonly refunds = new Map<string, Refund>();

  /** Idempotent on the merchant's reference: the same payment gets the same checkout. */
  open(input: Omit<Checkout, 'checkoutId' | 'status' | 'refunded'>): { checkout: Checkout; created: boolean } {
    const existing = [...this.byId.values()].find((c) => c.merchant === input.merchant && c.merchantReference === input.merchantReference);
    if (existing) {
      if (existing.amount !== input.amount) throw new PlatformRefusal(409, 'REFERENCE_REUSED', 'This merchant reference has a checkout for another amount');
      return { checkout: existing, created: false };
    }
    const checkout: Checkout = { ...input, checkoutId: `co_${randomUUID()}`, status: 'OPEN', refunded: 0 };
    this.byId.set(checkout.checkoutId, checkout);
    return { checkout, created: true };
  }

  get(checkoutId: string, merchant?: string): Checkout {
    const checkout = this.byId.get(checkoutId);
    if (!checkout || (merchant !== undefined && checkout.merchant !== merchant)) throw new PlatformRefusal(404, 'NO_SUCH_CHECKOUT', 'No such checkout');
    return checkout;
  }

  /** Only the payer's successful attempt moves money; a failed attempt leaves the checkout open. */
  attempt(checkoutId: string, outcome: 'SUCCEEDED' | 'FAILED'): Checkout {
    const checkout = this.get(checkoutId);
    if (checkout.status === 'SUCCEEDED') throw new PlatformRefusal(409, 'ALREADY_PAID', 'This checkout is already paid');
    if (outcome === 'SUCCEEDED') Object.assign(checkout, { status: 'SUCCEEDED', reference: `txn_${randomUUID().slice(0, 18)}` });
    return checkout;
  }

  /** A refund only of money paid and not yet given back; the same key gives the same refund. */
  refund(merchant: string, key: string, merchantReference: string, amount: number): { refund: Refund; created: boolean } {
    const earlier = this.refunds.get(`${merchant}:${key}`);
    if (earlier) return { refund: earlier, created: false };
    const checkout = [...this.byId.values()].find((c) => c.merchant === merchant && c.merchantReference === merchantReference);
    if (!checkout) throw new PlatformRefusal(404, 'NO_SUCH_CHECKOUT', 'No checkout has this merchant reference');
    if (checkout.status !== 'SUCCEEDED') throw new PlatformRefusal(422, 'NOT_PAID', 'Nothing was paid on this checkout');
    if (amount > checkout.amount - checkout.refunded) throw new PlatformRefusal(422, 'REFUND_EXCEEDS_PAYMENT', 'A refund cannot exceed what was paid and not yet refunded');
    checkout.refunded += amount;
    const refund: Refund = { refundId: `re_${randomUUID()}`, checkoutId: checkout.checkoutId, amount, status: 'SUCCEEDED' };
    this.refunds.set(`${merchant}:${key}`, refund);
    return { refund, created: true };
  }
}
