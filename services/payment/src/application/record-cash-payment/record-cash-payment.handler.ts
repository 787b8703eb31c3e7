import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertUnit, CLOCK, Clock, Idempotent, IdempotentRequests, Principal } from '@motcua/platform';
import { BillNotFoundError } from '../../domain/bill/bill.errors';
import { Bills } from '../bill-stream';

/** A reception officer takes the fees in cash at the counter of the dossier's unit. */
export class RecordCashPayment {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly amount: number,
    /** A retry with the same key gets the first receipt instead of 409 PAYMENT.ALREADY_PAID. */
    readonly idempotencyKey?: string,
  ) {}
}

export interface CashReceipt {
  dossierId: string;
  paymentId: string;
  amount: number;
  method: 'CASH';
  paidAt: string;
}

@CommandHandler(RecordCashPayment)
export class RecordCashPaymentHandler implements ICommandHandler<RecordCashPayment, Idempotent<CashReceipt>> {
  constructor(
    private readonly bills: Bills,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly idempotency: IdempotentRequests,
  ) {}

  execute({ dossierId, officer, amount, idempotencyKey }: RecordCashPayment): Promise<Idempotent<CashReceipt>> {
    return this.idempotency.runIfKeyed(officer.id, idempotencyKey, { act: 'cash', dossierId, amount }, async () => {
      const bill = await this.bills.load(dossierId);
      if (!bill.opened) throw new BillNotFoundError();
      const at = this.clock.now();
      // Checked before the decision: a transfer appended in between leaves the former unit inside its window.
      assertUnit(officer, bill.opened.unit, bill.opened.former, at);
      const paymentId = randomUUID();
      await this.bills.record(dossierId, { type: 'RecordCashPayment', paymentId, amount, at });
      return { dossierId, paymentId, amount, method: 'CASH' as const, paidAt: at.toISOString() };
    });
  }
}
