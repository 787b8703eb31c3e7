import type { PaymentSettings } from '../../payment.config';
import type { Checkout, CheckoutRequest, PaymentPlatform, RefundRequest } from './payment-platform.port';
import { PlatformUnavailableError } from './platform-unavailable.error';

const TIMEOUT_MS = 10_000;

/**
 * The platform's merchant API over HTTP: bearer API key, the payment id as merchant reference and
 * idempotency key, amounts in integer VND. Nothing about the applicant is sent.
 */
export class HttpPaymentPlatform implements PaymentPlatform {
  constructor(private readonly settings: Pick<PaymentSettings, 'platformUrl' | 'platformApiKey'>) {}

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    const body = await this.post('/v1/checkouts', request.paymentId, {
      merchantReference: request.paymentId,
      amount: request.amount,
      currency: 'VND',
      callbackUrl: request.callbackUrl,
      expiresAt: request.expiresAt,
      description: request.description,
    });
    if (typeof body['checkoutId'] !== 'string' || typeof body['payerUrl'] !== 'string') throw new PlatformUnavailableError('no checkout in the answer');
    return { checkoutId: body['checkoutId'], payerUrl: body['payerUrl'] };
  }

  async refund(request: RefundRequest): Promise<{ refundId: string }> {
    const body = await this.post('/v1/refunds', `refund-${request.paymentId}`, { merchantReference: request.paymentId, amount: request.amount });
    if (typeof body['refundId'] !== 'string') throw new PlatformUnavailableError('no refund in the answer');
    return { refundId: body['refundId'] };
  }

  private async post(path: string, idempotencyKey: string, payload: unknown): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.platformUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.settings.platformApiKey}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new PlatformUnavailableError(error instanceof Error ? error.name : 'unreachable');
    }
    if (!response.ok) throw new PlatformUnavailableError(`HTTP ${response.status}`);
    try {
      return (await response.json()) as Record<string, unknown>;
    } catch {
      // A proxy's error page or a cut-off body: the platform did not answer, whatever the status said.
      throw new PlatformUnavailableError('the answer is not JSON');
    }
  }
}
