import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PAYMENT_SETTINGS, PaymentSettings } from '../payment.config';
import { ExpiryPass } from './expire-requests/expiry.pass';
import { RefundPass } from './refund-payments/refund.pass';

/** Runs the expiry and refund passes on an interval, one pass at a time per process. */
@Injectable()
export class PaymentWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly expiry: ExpiryPass,
    private readonly refunds: RefundPass,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= Promise.allSettled([this.expiry.tick(), this.refunds.tick()]).finally(() => (this.running = undefined));
    }, this.settings.workIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
