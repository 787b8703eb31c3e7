/**
 * The catalogue as the generator reads it from intake's REST API (`GET /v1/catalogue/procedures`
 * and each procedure's versions): only the terms it plans by.
 */
export interface ProcedureTerms {
  code: string;
  version: number;
  serviceLevel: 'FULL' | 'PARTIAL' | 'NONE';
  processingTime: { value: number; unit: 'WORKING_DAYS' | 'WORKING_HOURS' };
  requiredDocuments: { id: string; name: string; required: boolean }[];
  fees: { amount: number; online: { rule: string } }[];
  payFirst: boolean;
  eResultAllowed: boolean;
  returnsDocument: boolean;
  /** Inter-agency procedures: the agencies in order; empty for the receiving unit's own work. */
  agencies: string[];
  units: string[];
  effectiveFrom: string;
  retiredAt?: string;
}

export type DemoCatalogue = readonly ProcedureTerms[];

/** The version of a procedure in force at an instant, as intake picks it. */
export function termsAt(catalogue: DemoCatalogue, code: string, at: number): ProcedureTerms | undefined {
  return catalogue
    .filter((v) => v.code === code && Date.parse(v.effectiveFrom) <= at && (!v.retiredAt || Date.parse(v.retiredAt) > at))
    .sort((a, b) => b.version - a.version)[0];
}

export const feeBearing = (terms: ProcedureTerms): boolean => terms.fees.some((f) => f.amount > 0);

/** Nothing is left to pay online: every item bearing an amount is waived online. */
export const exemptOnline = (terms: ProcedureTerms): boolean => feeBearing(terms) && terms.fees.every((f) => f.amount === 0 || f.online.rule === 'EXEMPT');
