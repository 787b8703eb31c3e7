import type { EventData, FeeAssessed, FeeItem, ProcedureSnapshot } from '@motcua/contracts';
import type { Static } from '@sinclair/typebox';
import { assertNever } from '@motcua/platform/errors';

export type Channel = 'ONLINE' | 'COUNTER' | 'POSTAL';
export type AssessedItem = EventData<typeof FeeAssessed>['items'][number];
type Fee = Static<typeof FeeItem>;

export interface Assessment {
  items: AssessedItem[];
  /** Integer VND. */
  total: number;
  /** A fee-bearing procedure brought to 0 by its online rules: it leaves the 766 §3.6 denominator. */
  exempt: boolean;
}

/**
 * The bill of a received dossier, from the fee schedule its procedure snapshot carries (the
 * version in force at reception). Online rules apply to ONLINE dossiers only; a counter or postal
 * dossier pays the listed amounts.
 */
export function assessFees(procedure: Pick<Static<typeof ProcedureSnapshot>, 'fees'>, channel: Channel): Assessment {
  const items = procedure.fees.map((fee) => assessItem(fee, channel));
  const listed = items.reduce((sum, item) => sum + item.listed, 0);
  const total = items.reduce((sum, item) => sum + item.due, 0);
  return { items, total, exempt: listed > 0 && total === 0 };
}

function assessItem(fee: Fee, channel: Channel): AssessedItem {
  const base = { code: fee.code, kind: fee.kind, listed: fee.amount };
  if (channel !== 'ONLINE') return { ...base, due: fee.amount, rule: 'NONE' };
  const online = fee.online;
  switch (online.rule) {
    case 'NONE':
      return { ...base, due: fee.amount, rule: 'NONE' };
    case 'EXEMPT':
      return { ...base, due: 0, rule: 'EXEMPT' };
    case 'DISCOUNT_PERCENT':
      return { ...base, due: discounted(fee.amount, online.percent), rule: 'DISCOUNT_PERCENT' };
    case 'FIXED_AMOUNT':
      // An online price never costs the applicant more than the counter would.
      return { ...base, due: Math.min(fee.amount, online.amount), rule: 'FIXED_AMOUNT' };
    default:
      return assertNever(online);
  }
}

/** In integers throughout, rounded half up to the whole đồng: money never passes through a float. */
export function discounted(amount: number, percent: number): number {
  return Math.floor((amount * (100 - percent) + 50) / 100);
}

