import { InProcessService, startInProcessService, sweepService } from '@motcua/testing';
import { PaymentConfig } from '../../payment.config';
import { PaymentModule } from '../../payment.module';

describe('payment: hostile input on every documented route is refused with a 4xx naming the field, never a 5xx', () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(PaymentModule, {
      service: 'payment',
      config: PaymentConfig,
      bootstrap: { rawBody: true },
      isolate: { prefix: 'payment_bad_input' },
      env: { LOG_LEVEL: 'fatal', PAYMENT_PLATFORM_URL: 'http://127.0.0.1:9', PAYMENT_PLATFORM_API_KEY: 'payment-bad-input-merchant', PAYMENT_CALLBACK_URL: 'http://127.0.0.1:9/v1/payment-callbacks', PAYMENT_CALLBACK_SECRETS: 'whsec-bad-input-0123456789abcdef', PAYMENT_WORK_INTERVAL_MS: '3600000' },
    });
  });
  afterAll(() => h?.close());

  it('answers deep nesting, control characters, nulls and wrong types on every route from /docs/json without a 5xx', async () => {
    const { routes, findings } = await sweepService(h);
    expect(routes.length).toBeGreaterThan(0);
    expect(findings).toEqual([]);
  });
});
