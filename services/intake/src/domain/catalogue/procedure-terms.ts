import { assertNever } from '@motcua/platform/errors';
import type { Fee, ProcedureVersion } from './procedure';

/** A fee item with what it costs when the dossier is submitted online. */
export type FeeTerms = Fee & { onlineAmount: number };

/**
 * What an applicant must know before submitting, under one version: what to bring, what it costs
 * at the counter and online, how long it takes, and what result comes back. `effectiveTo` is when
 * the version stops being in force (the next version's start, or the retirement); null while open.
 */
export interface ProcedureTerms {
  version: number;
  name: string;
  field: string;
  level: ProcedureVersion['level'];
  serviceLevel: ProcedureVersion['serviceLevel'];
  processingTime: ProcedureVersion['processingTime'];
  requiredDocuments: ProcedureVersion['requiredDocuments'];
  fees: FeeTerms[];
  /** Integer VND of every item: as listed (counter, post) and online. */
  feeTotal: { counter: number; online: number };
  payFirst: boolean;
  eResultAllowed: boolean;
  returnsDocument: boolean;
  refundRule: ProcedureVersion['refundRule'];
  agencies: string[];
  units: string[];
  effectiveFrom: string;
  effectiveTo: string | null;
  sample: boolean;
}

/**
 * The online price of an item, by the rule payment assesses it with (its fee-assessment module:
 * a discount rounds half up to the whole đồng; a fixed online price never exceeds the listed one).
 * Shown to applicants before they submit; the assessment at reception is what they are billed.
 */
export function onlineAmount(fee: Fee): number {
  const online = fee.online;
  switch (online.rule) {
    case 'NONE':
      return fee.amount;
    case 'EXEMPT':
      return 0;
    case 'DISCOUNT_PERCENT':
      return Math.floor((fee.amount * (100 - online.percent) + 50) / 100);
    case 'FIXED_AMOUNT':
      return Math.min(fee.amount, online.amount);
    default:
      return assertNever(online);
  }
}

export function procedureTerms(v: ProcedureVersion, effectiveTo: string | null): ProcedureTerms {
  const fees = v.fees.map((fee) => ({ ...fee, onlineAmount: onlineAmount(fee) }));
  return {
    version: v.version,
    name: v.name,
    field: v.field,
    level: v.level,
    serviceLevel: v.serviceLevel,
    processingTime: v.processingTime,
    requiredDocuments: v.requiredDocuments,
    fees,
    feeTotal: { counter: fees.reduce((sum, f) => sum + f.amount, 0), online: fees.reduce((sum, f) => sum + f.onlineAmount, 0) },
    payFirst: v.payFirst,
    eResultAllowed: v.eResultAllowed,
    returnsDocument: v.returnsDocument,
    refundRule: v.refundRule,
    agencies: v.agencies,
    units: v.units,
    effectiveFrom: v.effectiveFrom,
    effectiveTo,
    sample: v.sample,
  };
}

/**
 * When a version stops being in force among its procedure's versions: at its own retirement, or
 * when a later version takes effect, whichever comes first.
 */
export function effectiveTo(v: ProcedureVersion, versions: ProcedureVersion[]): string | null {
  const ends = [v.retiredAt, ...versions.filter((o) => o.version > v.version).map((o) => o.effectiveFrom)].filter((t): t is string => t !== undefined);
  if (ends.length === 0) return null;
  return new Date(Math.min(...ends.map((t) => Date.parse(t)))).toISOString();
}
