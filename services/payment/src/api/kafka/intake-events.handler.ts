import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { asIntegrationEvent, Envelope } from '@motcua/contracts';
import { IntegrationEventHandler } from '@motcua/messaging';
import { Bills } from '../../application/bill-stream';
import type { BillCommand } from '../../domain/bill/bill.commands';
import { PAYMENT_SETTINGS, PaymentSettings } from '../../payment.config';

/**
 * Reception assesses the fees (and requests payment when something is due); withdrawal closes the
 * bill and refunds where the procedure's rule says so; a transfer moves the bill to the successor
 * unit. Runs inside the inbox transaction.
 */
@Injectable()
export class IntakeEventsHandler implements IntegrationEventHandler {
  readonly handles = ['DossierReceived', 'DossierWithdrawn', 'DossierTransferred'] as const;

  constructor(
    private readonly bills: Bills,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const command = this.toCommand(envelope);
    if (command) await this.bills.record(envelope.subject, command);
  }

  /** Events carry their domain time; replays never consult the clock. */
  private toCommand(envelope: Envelope): BillCommand | undefined {
    const event = asIntegrationEvent(envelope);
    switch (event.type) {
      case 'DossierReceived':
        return { type: 'AssessFees', received: event.data, paymentId: randomUUID(), expiryHours: this.settings.expiryHours };
      case 'DossierWithdrawn':
        // Before reception there is no bill: the bill ignores it.
        return { type: 'CloseBill', reason: 'WITHDRAWN', at: new Date(event.data.withdrawnAt) };
      case 'DossierTransferred':
        // Intake's topic is ordered per dossier: a transfer before reception means the reception will name the successor.
        return { type: 'TransferBill', transfer: event.data };
      default:
        return undefined;
    }
  }
}
