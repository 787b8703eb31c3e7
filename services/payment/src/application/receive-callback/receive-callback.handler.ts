import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PgDatabase } from '@motcua/event-store';
import { CLOCK, Clock, DATABASE, DomainError } from '@motcua/platform';
import { UnknownPaymentError } from '../../domain/bill/bill.errors';
import { Bills } from '../bill-stream';

/** A platform event whose signature was verified: what happened to a checkout. */
export class ReceivePlatformEvent {
  constructor(
    readonly eventId: string,
    readonly outcome: 'SUCCEEDED' | 'FAILED',
    readonly paymentId: string,
    readonly checkoutId: string,
    readonly amount: number,
    readonly currency: string,
    readonly reference?: string,
    readonly failureCode?: string,
  ) {}
}

export interface CallbackReceipt {
  eventId: string;
  /** APPLIED: recorded (it may have changed nothing, e.g. a late failure); DUPLICATE: seen before. */
  status: 'APPLIED' | 'DUPLICATE';
}

/**
 * Applies a platform event at most once: its id is recorded in the transaction of the events it
 * causes, so a replay finds it and changes nothing, and a refused event (unknown payment, wrong
 * amount) leaves neither.
 */
@CommandHandler(ReceivePlatformEvent)
export class ReceivePlatformEventHandler implements ICommandHandler<ReceivePlatformEvent, CallbackReceipt> {
  private readonly logger = new Logger('payment-callbacks');

  constructor(
    private readonly bills: Bills,
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(event: ReceivePlatformEvent): Promise<CallbackReceipt> {
    try {
      return await this.db.transaction(async () => {
        const dossierId = await this.bills.dossierOfPayment(event.paymentId);
        if (!dossierId) throw new UnknownPaymentError();
        const { rowCount } = await this.db.query(
          `insert into payment.platform_callbacks (event_id, payment_id, dossier_id, outcome) values ($1, $2, $3, $4) on conflict (event_id) do nothing`,
          [event.eventId, event.paymentId, dossierId, event.outcome],
        );
        if (rowCount === 0) return { eventId: event.eventId, status: 'DUPLICATE' as const };
        const { paymentId, checkoutId, outcome, amount, currency, reference, failureCode } = event;
        await this.bills.record(dossierId, { type: 'RecordPlatformOutcome', paymentId, checkoutId, outcome, amount, currency, reference, failureCode, at: this.clock.now() });
        return { eventId: event.eventId, status: 'APPLIED' as const };
      });
    } catch (error) {
      // Ids and codes only: a callback carries no personal data, and none is logged.
      if (error instanceof DomainError) this.logger.warn({ eventId: event.eventId, paymentId: event.paymentId, code: error.code }, 'platform callback refused');
      throw error;
    }
  }
}
