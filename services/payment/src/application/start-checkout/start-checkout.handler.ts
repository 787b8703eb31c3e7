import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@motcua/platform';
import { checkoutTarget } from '../../domain/bill/checkout-target';
import type { BillState } from '../../domain/bill/bill.state';
import { PAYMENT_SETTINGS, PaymentSettings } from '../../payment.config';
import { openedBillFor } from '../bill-access';
import { Bills } from '../bill-stream';
import { PAYMENT_PLATFORM, PaymentPlatform } from '../payment-platform/payment-platform.port';
import { CheckoutView, StartCheckout } from './start-checkout.command';

/**
 * Opens a checkout at the platform for the request in force, or for a new one when the last
 * lapsed or failed; an open checkout is handed back as is. The platform call comes before the
 * append and is idempotent on the payment id, so a retry after a lost answer reuses the checkout.
 */
@CommandHandler(StartCheckout)
export class StartCheckoutHandler implements ICommandHandler<StartCheckout, CheckoutView> {
  constructor(
    private readonly bills: Bills,
    @Inject(PAYMENT_PLATFORM) private readonly platform: PaymentPlatform,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, portal }: StartCheckout): Promise<CheckoutView> {
    const now = this.clock.now();
    const bill = await this.bills.load(dossierId);
    openedBillFor(portal, bill, now);
    const target = checkoutTarget(bill, now);
    if (target.kind === 'EXISTING') return view(dossierId, target.request);
    const paymentId = target.kind === 'CURRENT' ? target.request.paymentId : randomUUID();
    const expiresAt = target.kind === 'CURRENT' && target.request.expiresAt ? target.request.expiresAt : new Date(now.getTime() + this.settings.expiryHours * 3_600_000).toISOString();
    const checkout = await this.platform.createCheckout({
      paymentId,
      amount: target.kind === 'CURRENT' ? target.request.amount : bill.total,
      expiresAt,
      callbackUrl: this.settings.callbackUrl,
      description: `Phí, lệ phí hồ sơ ${dossierId}`,
    });
    const { state } = await this.bills.record(dossierId, { type: 'StartCheckout', paymentId, ...checkout, at: now, expiryHours: this.settings.expiryHours });
    return view(dossierId, current(state));
  }
}

function current(state: BillState) {
  const request = state.requests.at(-1);
  if (!request?.checkout) throw new Error('the checkout was not recorded');
  return request;
}

function view(dossierId: string, request: BillState['requests'][number]): CheckoutView {
  const checkout = request.checkout as NonNullable<typeof request.checkout>;
  return { dossierId, paymentId: request.paymentId, checkoutId: checkout.checkoutId, payerUrl: checkout.payerUrl, amount: request.amount, currency: 'VND', expiresAt: request.expiresAt ?? '' };
}
