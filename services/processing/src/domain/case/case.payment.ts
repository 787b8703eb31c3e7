import type { CaseCommand } from './case.commands';
import type { CaseEvent } from './case.events';
import type { CaseState } from './case.state';

type Expiry = Extract<CaseCommand, { type: 'RecordPaymentExpiry' }>;

/**
 * A payment request expired unpaid. While the case waits for that fee it is a reminder to the
 * applicant and the ground on which an officer may stop for non-payment; once per request, since
 * payment opens a new request at the next checkout and that one may expire too. A case that does
 * not wait for payment (pay-later, already paid) takes no notice.
 */
export function paymentOverdue(state: CaseState, command: Expiry): CaseEvent[] {
  if (state.pause?.reason !== 'AWAITING_PAYMENT' || state.paymentOverdue?.paymentId === command.paymentId) return [];
  const dossierId = (state.opened as NonNullable<CaseState['opened']>).dossierId;
  return [
    {
      type: 'PaymentOverdue',
      data: { dossierId, paymentId: command.paymentId, expiredAt: command.at.toISOString(), reminder: (state.paymentOverdue?.reminders ?? 0) + 1 },
    },
  ];
}
