import type { RefundRule } from '@motcua/contracts';
import type { Static } from '@sinclair/typebox';
import type { ClosingReason } from './bill.events';

/** Whether the procedure gives the fees back when the dossier ends this way. */
export function refundsOn(rule: Static<typeof RefundRule>, reason: ClosingReason): boolean {
  switch (rule) {
    case 'NONE':
      return false;
    case 'FULL_ON_WITHDRAWAL':
      return reason === 'WITHDRAWN';
    case 'FULL_ON_WITHDRAWAL_OR_STOP':
      return true;
    default: {
      const unknown: never = rule;
      throw new Error(`unknown refund rule ${String(unknown)}`);
    }
  }
}
