import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, Clock, Principal } from '@motcua/platform';
import type { BillState } from '../../domain/bill/bill.state';
import { isLapsed } from '../../domain/bill/checkout-target';
import { openedBillFor } from '../bill-access';
import { Bills } from '../bill-stream';

/** The bill and where its payment stands, rebuilt from its events (never behind them). */
export class ViewBill {
  constructor(
    readonly dossierId: string,
    readonly caller: Principal,
  ) {}
}

export type BillStatus = 'NOTHING_DUE' | 'EXEMPT' | 'AWAITING_PAYMENT' | 'PAID' | 'REFUNDED' | 'CLOSED';

export interface BillView {
  dossierId: string;
  unit: string;
  channel: string;
  procedure: { code: string; version: number };
  items: BillState['items'];
  total: number;
  currency: 'VND';
  exempt: boolean;
  payFirst: boolean;
  status: BillStatus;
  refundRule: string;
  payments: { paymentId: string; amount: number; status: string; method: string | null; requestedAt: string; expiresAt: string | null; checkoutId: string | null; payerUrl: string | null; refund: { status: string; amount: number; reason: string } | null }[];
}

@QueryHandler(ViewBill)
export class ViewBillHandler implements IQueryHandler<ViewBill, BillView> {
  constructor(
    private readonly bills: Bills,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, caller }: ViewBill): Promise<BillView> {
    const bill = await this.bills.load(dossierId);
    const now = this.clock.now();
    const opened = openedBillFor(caller, bill, now);
    return {
      dossierId,
      unit: opened.unit,
      channel: opened.channel,
      procedure: { code: opened.procedureCode, version: opened.procedureVersion },
      items: bill.items,
      total: bill.total,
      currency: 'VND',
      exempt: bill.exempt,
      payFirst: bill.payFirst,
      status: statusOf(bill),
      refundRule: opened.refundRule,
      payments: bill.requests.map((r) => ({
        paymentId: r.paymentId,
        amount: r.amount,
        status: requestStatus(bill, r, now),
        method: r.method ?? null,
        requestedAt: r.requestedAt,
        expiresAt: r.expiresAt ?? null,
        checkoutId: r.checkout?.checkoutId ?? null,
        payerUrl: r.checkout?.payerUrl ?? null,
        refund: r.refund ?? null,
      })),
    };
  }
}

/** An open request reads as superseded once the bill is settled or closed, and as expired past its expiry (before the pass records it). */
function requestStatus(bill: BillState, request: BillState['requests'][number], now: Date): string {
  if (request.status !== 'OPEN') return request.status;
  if (bill.settledBy || bill.closed) return 'SUPERSEDED';
  return isLapsed(request, now) ? 'EXPIRED' : 'OPEN';
}

function statusOf(bill: BillState): BillStatus {
  if (bill.settledBy) return 'PAID';
  if (bill.requests.some((r) => r.refund?.status === 'REFUNDED') && bill.closed) return 'REFUNDED';
  if (bill.closed) return 'CLOSED';
  if (bill.total === 0) return bill.exempt ? 'EXEMPT' : 'NOTHING_DUE';
  return 'AWAITING_PAYMENT';
}
