import { Inject, Injectable } from '@nestjs/common';
import { PgDatabase } from '@motcua/event-store';
import type { Migration } from '@motcua/event-store';
import { DATABASE } from '@motcua/platform';
import type { BillEvent } from '../../domain/bill/bill.events';

export const paymentRequestsMigrations: Migration[] = [
  {
    id: 'payment/001_payment_requests',
    up: (s) => `
      create table ${s}.payment_requests (
        payment_id text primary key,
        dossier_id uuid not null,
        amount bigint not null check (amount >= 0),
        method text check (method in ('ONLINE', 'CASH')),
        status text not null check (status in ('OPEN', 'SUCCEEDED', 'FAILED', 'EXPIRED')),
        requested_at timestamptz not null,
        expires_at timestamptz,
        checkout_id text,
        settled boolean not null default false
      );
      create index payment_requests_dossier on ${s}.payment_requests (dossier_id);
      create index payment_requests_open on ${s}.payment_requests (expires_at) where status = 'OPEN' and not settled;
      comment on table ${s}.payment_requests is 'Each payment request or cash payment of a dossier; callbacks find their dossier here, the expiry pass its open requests.';
      comment on column ${s}.payment_requests.settled is 'The dossier''s bill is paid or closed: the request no longer expires.';

      create table ${s}.refunds (
        payment_id text primary key,
        dossier_id uuid not null,
        amount bigint not null check (amount > 0),
        reason text not null,
        status text not null check (status in ('PENDING', 'REFUNDED')),
        requested_at timestamptz not null,
        refunded_at timestamptz
      );
      create index refunds_pending on ${s}.refunds (requested_at) where status = 'PENDING';
      comment on table ${s}.refunds is 'Online refunds: PENDING until the platform confirms them (the refund pass asks it).';

      create table ${s}.platform_callbacks (
        event_id text primary key,
        payment_id text not null,
        dossier_id uuid not null,
        outcome text not null,
        received_at timestamptz not null default now()
      );
      comment on table ${s}.platform_callbacks is 'Callbacks applied, by the platform''s event id, written with the events they caused: a replay changes nothing.';
    `,
  },
];

/**
 * Keeps payment_requests and refunds in step with the bills. Runs inside the transaction that
 * appended the events, so the expiry and refund passes never see a change the log does not hold.
 */
@Injectable()
export class PaymentRequestsProjection {
  constructor(@Inject(DATABASE) private readonly db: PgDatabase) {}

  async apply(events: BillEvent[]): Promise<void> {
    for (const event of events) await this.applyOne(event);
  }

  private async applyOne(event: BillEvent): Promise<void> {
    const q = (sql: string, values: unknown[]) => this.db.query(sql, values);
    switch (event.type) {
      case 'PaymentRequested': {
        const { paymentId, dossierId, amount, requestedAt, expiresAt } = event.data;
        await q(
          `insert into payment.payment_requests (payment_id, dossier_id, amount, status, requested_at, expires_at) values ($1, $2, $3, 'OPEN', $4, $5) on conflict do nothing`,
          [paymentId, dossierId, amount, requestedAt, expiresAt],
        );
        break;
      }
      case 'CheckoutStarted':
        await q(`update payment.payment_requests set checkout_id = $2 where payment_id = $1`, [event.data.paymentId, event.data.checkoutId]);
        break;
      case 'PaymentSucceeded': {
        const { paymentId, dossierId, amount, paidAt, method } = event.data;
        await q(
          `insert into payment.payment_requests (payment_id, dossier_id, amount, method, status, requested_at) values ($1, $2, $3, $4, 'SUCCEEDED', $5)
           on conflict (payment_id) do update set status = 'SUCCEEDED', method = excluded.method`,
          [paymentId, dossierId, amount, method, paidAt],
        );
        await this.settle(dossierId);
        break;
      }
      case 'PaymentFailed':
        await q(`update payment.payment_requests set status = 'FAILED' where payment_id = $1`, [event.data.paymentId]);
        break;
      case 'PaymentExpired':
        await q(`update payment.payment_requests set status = 'EXPIRED' where payment_id = $1`, [event.data.paymentId]);
        break;
      case 'RefundRequested': {
        const { paymentId, dossierId, amount, reason, requestedAt } = event.data;
        await q(
          `insert into payment.refunds (payment_id, dossier_id, amount, reason, status, requested_at) values ($1, $2, $3, $4, 'PENDING', $5) on conflict do nothing`,
          [paymentId, dossierId, amount, reason, requestedAt],
        );
        break;
      }
      case 'PaymentRefunded':
        await q(`update payment.refunds set status = 'REFUNDED', refunded_at = $2 where payment_id = $1`, [event.data.paymentId, event.data.refundedAt]);
        break;
      case 'BillClosed':
        await this.settle(event.data.dossierId);
        break;
      // No table here is kept by unit (a transfer moves nothing in them): the bill's unit is read from its stream.
      case 'BillOpened':
      case 'FeeAssessed':
      case 'BillTransferred':
        break;
      default: {
        const unknown: never = event;
        throw new Error(`unexpected ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async settle(dossierId: string): Promise<void> {
    await this.db.query(`update payment.payment_requests set settled = true where dossier_id = $1`, [dossierId]);
  }
}
