import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertUnit, CLOCK, Clock, Principal } from '@motcua/platform';
import { BillNotFoundError } from '../../domain/bill/bill.errors';
import { Bills } from '../bill-stream';

/** A reception officer takes the fees in cash at the counter of the dossier's unit. */
export class RecordCashPayment {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly amount: number,
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
export class RecordCashPaymentHandler implements ICommandHandler<RecordCashPayment, CashReceipt> {
  constructor(
    private readonly bills: Bills,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer, amount }: RecordCashPayment): Promise<CashReceipt> {
    const bill = await this.bills.load(dossierId);
    if (!bill.opened) throw new BillNotFoundError();
    // The unit never changes after reception, so checking it before the decision is enough.
    assertUnit(officer, bill.opened.unit);
    const paymentId = randomUUID();
    const at = this.clock.now();
    await this.bills.record(dossierId, { type: 'RecordCashPayment', paymentId, amount, at });
    return { dossierId, paymentId, amount, method: 'CASH', paidAt: at.toISOString() };
  }
}
