import type { ExecutionContext } from '@nestjs/common';
import { FixedClock } from '@motcua/platform';
import { signPayload } from '../../domain/callback-signature/callback-signature';
import type { PaymentSettings } from '../../payment.config';
import { PaymentSignatureGuard } from './payment-signature.guard';

const secret = 'whsec_current_0123456789abcdef0123456789ab';
const signedAt = 1_760_000_000;
const body = Buffer.from('{"id":"evt_1","type":"checkout.succeeded"}');
const settings = { callbackSecrets: [secret], toleranceSeconds: 300 } as PaymentSettings;
/** A callback signed over `body` at `signedAt`, carrying `rawBody`. */
const callback = (rawBody = body): ExecutionContext =>
  ({ switchToHttp: () => ({ getRequest: () => ({ headers: { 'payment-signature': `t=${signedAt},v1=${signPayload(secret, signedAt, body)}` }, rawBody }) }) }) as unknown as ExecutionContext;

describe('payment signature guard', () => {
  it('measures the tolerance on the wall clock it is given', () => {
    const wallClock = new FixedClock(new Date((signedAt + 300) * 1000));
    const guard = new PaymentSignatureGuard(settings, wallClock);
    expect(guard.canActivate(callback())).toBe(true);
    wallClock.advance(1_000);
    expect(() => guard.canActivate(callback())).toThrow(expect.objectContaining({ code: 'PAYMENT_CALLBACK.STALE' }));
  });

  it('refuses a body that is not the one signed', () => {
    const guard = new PaymentSignatureGuard(settings, new FixedClock(new Date(signedAt * 1000)));
    expect(() => guard.canActivate(callback(Buffer.from('{"id":"evt_1","type":"checkout.failed"}')))).toThrow(expect.objectContaining({ code: 'PAYMENT_CALLBACK.BAD_SIGNATURE' }));
  });
});
