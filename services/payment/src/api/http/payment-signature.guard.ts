import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Clock, DomainError } from '@motcua/platform';
import { verifySignature } from '../../domain/callback-signature/callback-signature';
import { PAYMENT_SETTINGS, PaymentSettings } from '../../payment.config';

const SIGNATURE_HEADER = 'payment-signature';

/** Real time, whatever the domain clock (CLOCK) says: what the platform signs with. */
export const WALL_CLOCK = Symbol('WALL_CLOCK');

export class CallbackSignatureError extends DomainError {
  constructor(stale: boolean) {
    super(
      stale ? 'PAYMENT_CALLBACK.STALE' : 'PAYMENT_CALLBACK.BAD_SIGNATURE',
      'UNAUTHORIZED',
      stale ? 'The callback timestamp is outside the tolerance window' : 'The Payment-Signature header is missing, malformed or does not match the body',
      [{ field: 'Payment-Signature', message: stale ? 'timestamp outside the tolerance window' : 'no valid v1 signature' }],
    );
  }
}

/**
 * Callbacks are public, so the signature is their authentication: checked over the raw bytes
 * before anything reads the body. The tolerance is measured in real time, since the platform
 * signs with its wall clock even when the services run on simulated time.
 */
@Injectable()
export class PaymentSignatureGuard implements CanActivate {
  constructor(
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { rawBody?: Buffer }>();
    const header = request.headers[SIGNATURE_HEADER];
    const verdict = verifySignature(typeof header === 'string' ? header : undefined, request.rawBody, {
      secrets: this.settings.callbackSecrets,
      toleranceSeconds: this.settings.toleranceSeconds,
      nowSeconds: Math.floor(this.wallClock.now().getTime() / 1000),
    });
    if (!verdict.valid) throw new CallbackSignatureError(verdict.reason === 'STALE');
    return true;
  }
}
