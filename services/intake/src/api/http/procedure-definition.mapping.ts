import type { ProcedureDefinition } from '../../domain/catalogue/procedure.decider';
import type { Fee } from '../../domain/catalogue/procedure';
import type { ProcedureDefinitionRequest } from './procedure-definition.request';
import type { FeeRequest } from './procedure-fee.request';

/** A validated request as the domain's definition: online rules as their tagged shapes, instants normalised. */
export function toDefinition(r: ProcedureDefinitionRequest): ProcedureDefinition {
  return {
    code: r.code,
    name: r.name,
    field: r.field,
    level: r.level,
    serviceLevel: r.serviceLevel,
    processingTime: { value: r.processingTime.value, unit: r.processingTime.unit },
    requiredDocuments: r.requiredDocuments.map((d) => ({ id: d.id, name: d.name, required: d.required })),
    fees: r.fees.map(toFee),
    payFirst: r.payFirst,
    eResultAllowed: r.eResultAllowed,
    returnsDocument: r.returnsDocument,
    refundRule: r.refundRule,
    agencies: [...r.agencies],
    units: [...r.units],
    effectiveFrom: new Date(r.effectiveFrom).toISOString(),
    sample: r.sample ?? false,
  };
}

function toFee(f: FeeRequest): Fee {
  const base = { code: f.code, name: f.name, kind: f.kind, amount: f.amount };
  switch (f.online.rule) {
    case 'DISCOUNT_PERCENT':
      return { ...base, online: { rule: 'DISCOUNT_PERCENT', percent: f.online.percent ?? 0 } };
    case 'FIXED_AMOUNT':
      return { ...base, online: { rule: 'FIXED_AMOUNT', amount: f.online.amount ?? 0 } };
    case 'EXEMPT':
    case 'NONE':
      return { ...base, online: { rule: f.online.rule } };
  }
}
