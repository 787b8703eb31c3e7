import { Inject, Injectable, Logger } from '@nestjs/common';
import { PgDatabase } from '@motcua/event-store';
import { CLOCK, Clock, DATABASE } from '@motcua/platform';
import { Bills } from '../bill-stream';
import { PAYMENT_PLATFORM, PaymentPlatform } from '../payment-platform/payment-platform.port';

/**
 * Gives online money back: for each pending refund, asks the platform (idempotent on the payment
 * id, so a crash between its answer and our record refunds once) and then records PaymentRefunded.
 * A platform that is down leaves the refund pending for the next pass.
 */
@Injectable()
export class RefundPass {
  private readonly logger = new Logger('payment-refunds');

  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PAYMENT_PLATFORM) private readonly platform: PaymentPlatform,
    private readonly bills: Bills,
  ) {}

  async tick(): Promise<number> {
    const { rows } = await this.db.query<{ payment_id: string; dossier_id: string; amount: string }>(
      `select payment_id, dossier_id, amount from payment.refunds where status = 'PENDING' order by requested_at limit 100`,
    );
    let refunded = 0;
    for (const row of rows) {
      try {
        await this.platform.refund({ paymentId: row.payment_id, amount: Number(row.amount) });
        const { events } = await this.bills.record(row.dossier_id, { type: 'ConfirmRefund', paymentId: row.payment_id, at: this.clock.now() });
        refunded += events.length;
      } catch (error) {
        this.logger.warn({ err: error, paymentId: row.payment_id }, 'refund not made yet; retried on the next pass');
      }
    }
    return refunded;
  }
}
