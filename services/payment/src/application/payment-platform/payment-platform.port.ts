/** What this service asks of a payment platform; the HTTP adapter speaks to the real (or simulated) one. */
export interface PaymentPlatform {
  /** Idempotent on the payment id (the merchant reference): asking twice gives the same checkout. */
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /** Idempotent on the payment id: a refund asked twice is made once. */
  refund(request: RefundRequest): Promise<{ refundId: string }>;
}

export interface CheckoutRequest {
  paymentId: string;
  amount: number;
  expiresAt: string;
  callbackUrl: string;
  description: string;
}

export interface Checkout {
  checkoutId: string;
  payerUrl: string;
}

export interface RefundRequest {
  paymentId: string;
  amount: number;
}

export const PAYMENT_PLATFORM = Symbol('PAYMENT_PLATFORM');

