import type { DossierReceived, DossierTransferred, EventData } from '@motcua/contracts';
import type { ClosingReason } from './bill.events';

/** Every instant comes with the command: from the consumed event, the clock or the callback. */
export type BillCommand =
  | { type: 'AssessFees'; received: EventData<typeof DossierReceived>; paymentId: string; expiryHours: number }
  | { type: 'StartCheckout'; paymentId: string; checkoutId: string; payerUrl: string; at: Date; expiryHours: number }
  | {
      type: 'RecordPlatformOutcome';
      paymentId: string;
      checkoutId: string;
      outcome: 'SUCCEEDED' | 'FAILED';
      amount: number;
      currency: string;
      reference?: string;
      failureCode?: string;
      at: Date;
    }
  | { type: 'RecordCashPayment'; paymentId: string; amount: number; at: Date }
  | { type: 'ExpireRequest'; at: Date }
  | { type: 'CloseBill'; reason: ClosingReason; at: Date }
  | { type: 'ConfirmRefund'; paymentId: string; at: Date }
  /** A reorganisation merged the dossier's unit into another; the instants are the transfer's. */
  | { type: 'TransferBill'; transfer: EventData<typeof DossierTransferred> };
