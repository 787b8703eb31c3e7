import { Inject, Injectable, Logger } from '@nestjs/common';
import { PgDatabase } from '@motcua/event-store';
import { CLOCK, Clock, DATABASE } from '@motcua/platform';
import { Bills } from '../bill-stream';

/**
 * Records PaymentExpired for open requests past their expiry. Durable (it reads payment_requests,
 * not memory) and idempotent: the bill records an expiry once, and two replicas ticking together
 * race on the stream version, so the loser re-decides to nothing.
 */
@Injectable()
export class ExpiryPass {
  private readonly logger = new Logger('payment-expiry');

  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly bills: Bills,
  ) {}

  /** One pass; returns how many requests it expired. */
  async tick(): Promise<number> {
    const now = this.clock.now();
    const { rows } = await this.db.query<{ dossier_id: string }>(
      `select distinct dossier_id from payment.payment_requests where status = 'OPEN' and not settled and expires_at <= $1 limit 500`,
      [now],
    );
    let expired = 0;
    for (const { dossier_id: dossierId } of rows) {
      try {
        const { events } = await this.bills.record(dossierId, { type: 'ExpireRequest', at: now });
        expired += events.length;
      } catch (error) {
        this.logger.error({ err: error, dossierId }, 'expiry failed; it is retried on the next pass');
      }
    }
    return expired;
  }
}
