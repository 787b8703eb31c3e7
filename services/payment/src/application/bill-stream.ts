import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand, PgDatabase } from '@motcua/event-store';
import type { Decided, EventCodec, RecordedEvent } from '@motcua/event-store';
import { EVENT_STORE, toOutgoingMessage } from '@motcua/messaging';
import type { OutgoingMessage } from '@motcua/messaging';
import { CLOCK, DATABASE } from '@motcua/platform';
import type { Clock } from '@motcua/platform';
import type { BillCommand } from '../domain/bill/bill.commands';
import { billDecider } from '../domain/bill/bill.decider';
import { INTERNAL_BILL_EVENTS } from '../domain/bill/bill.events';
import type { BillEvent } from '../domain/bill/bill.events';
import type { BillState } from '../domain/bill/bill.state';
import { PaymentRequestsProjection } from '../projections/payment-requests/payment-requests.projection';

/** A bill's events are stored in the dossier's stream, with domain time. */
export function billCodec(clock: Clock): EventCodec<BillEvent> {
  return {
    encode: (event) => ({ id: randomUUID(), type: event.type, data: event.data, metadata: { subject: event.data.dossierId, time: clock.now().toISOString() } }),
    decode: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as BillEvent,
  };
}

/** The relay publishes payment's integration events and keeps the internal ones home. */
export function publishedBillEvent(event: RecordedEvent, source: string): OutgoingMessage | undefined {
  return INTERNAL_BILL_EVENTS.has(event.type) ? undefined : toOutgoingMessage(event, source);
}

/**
 * The one way a bill changes: decide against the stream, append with its version, and update the
 * read tables, all in one transaction (the caller's, when it has one: the inbox's or a callback's).
 */
@Injectable()
export class Bills {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projection: PaymentRequestsProjection,
  ) {}

  record(dossierId: string, command: BillCommand): Promise<Decided<BillEvent, BillState>> {
    return this.db.transaction(async () => {
      const decided = await handleCommand(this.store, dossierId, billDecider, billCodec(this.clock), command);
      await this.projection.apply(decided.events);
      return decided;
    });
  }

  async load(dossierId: string): Promise<BillState> {
    const codec = billCodec(this.clock);
    return (await this.store.readStream(dossierId)).map(codec.decode).reduce(billDecider.evolve, billDecider.initialState);
  }

  /** The dossier a payment belongs to, from the read table the same transactions keep. */
  async dossierOfPayment(paymentId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ dossier_id: string }>(`select dossier_id from payment.payment_requests where payment_id = $1`, [paymentId]);
    return rows[0]?.dossier_id;
  }
}
