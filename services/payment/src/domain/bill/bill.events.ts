import type { DossierTransfer } from '@motcua/contracts';
import type {
  DossierReceived,
  EventData,
  FeeAssessed,
  PaymentExpired,
  PaymentFailed,
  PaymentRefunded,
  PaymentRequested,
  PaymentSucceeded,
  RefundRule,
} from '@motcua/contracts';
import type { Static } from '@sinclair/typebox';

export type ClosingReason = 'WITHDRAWN' | 'STOPPED';
export type RefundReason = EventData<typeof PaymentRefunded>['reason'];

/** The reception facts the bill works from (never the applicant's data). */
export interface BillOpenedData {
  dossierId: string;
  code: string;
  receivedAt: string;
  channel: EventData<typeof DossierReceived>['channel'];
  unit: string;
  procedureCode: string;
  procedureVersion: number;
  refundRule: Static<typeof RefundRule>;
  /** The portal that submitted the dossier online (from DossierReceived); it alone may see the bill and pay it. */
  portal?: string;
}

export type BillTransferredData = DossierTransfer;

/**
 * A dossier's bill. The payment events are payment's integration events as published; the rest
 * are internal (the reception facts, the checkout at the platform, a refund waiting for the
 * platform, the end of the dossier, a transfer to a successor unit) and stay home.
 */
export type BillEvent =
  | { type: 'BillOpened'; data: BillOpenedData }
  | { type: 'FeeAssessed'; data: EventData<typeof FeeAssessed> }
  | { type: 'PaymentRequested'; data: EventData<typeof PaymentRequested> }
  | { type: 'CheckoutStarted'; data: { dossierId: string; paymentId: string; checkoutId: string; payerUrl: string; startedAt: string } }
  | { type: 'PaymentSucceeded'; data: EventData<typeof PaymentSucceeded> }
  | { type: 'PaymentFailed'; data: EventData<typeof PaymentFailed> }
  | { type: 'PaymentExpired'; data: EventData<typeof PaymentExpired> }
  | { type: 'RefundRequested'; data: { dossierId: string; paymentId: string; amount: number; reason: RefundReason; requestedAt: string } }
  | { type: 'PaymentRefunded'; data: EventData<typeof PaymentRefunded> }
  | { type: 'BillClosed'; data: { dossierId: string; closedAt: string; reason: ClosingReason } }
  /** The bill follows its dossier to the successor unit; the former unit's officers act until the window ends. */
  | { type: 'BillTransferred'; data: BillTransferredData };

export const INTERNAL_BILL_EVENTS: ReadonlySet<string> = new Set<BillEvent['type']>(['BillOpened', 'CheckoutStarted', 'RefundRequested', 'BillClosed', 'BillTransferred']);
