import type { FieldError } from '@motcua/platform/errors';
import type { AdministrativeUnit } from './administrative-unit';
import type { ProcedureDefinition } from './procedure.decider';

/** The district level ended on 1 July 2025 (Thanh Hóa: 547 communes into 166, no more districts). */
export const DISTRICT_LEVEL_ENDED = '2025-07-01T00:00:00+07:00';

/** Units the catalogue knows, by code: what a definition's references are checked against. */
export type UnitDirectory = ReadonlyMap<string, Pick<AdministrativeUnit, 'code' | 'validTo'>>;

/** Rules a definition keeps on its own, beyond the shape of each field. */
export function definitionProblems(d: ProcedureDefinition): FieldError[] {
  const problems = [
    ...duplicates(d.requiredDocuments.map((doc) => doc.id), 'requiredDocuments', 'id'),
    ...duplicates(d.fees.map((fee) => fee.code), 'fees', 'code'),
    ...duplicates(d.agencies, 'agencies'),
    ...duplicates(d.units, 'units'),
  ];
  d.fees.forEach((fee, i) => {
    if (fee.online.rule === 'FIXED_AMOUNT' && fee.online.amount > fee.amount) {
      problems.push({ field: `fees.${i}.online.amount`, message: 'an online fixed amount must not exceed the fee itself' });
    }
  });
  if (d.payFirst && d.fees.length === 0) problems.push({ field: 'payFirst', message: 'payment first needs at least one fee' });
  if (d.level === 'DISTRICT' && Date.parse(d.effectiveFrom) >= Date.parse(DISTRICT_LEVEL_ENDED)) {
    problems.push({ field: 'level', message: 'the district level ended on 1 July 2025: no version takes effect at it from then on' });
  }
  return problems;
}

/** Every agency and receiving unit must be registered and still exist when the version takes effect. */
export function unitReferenceProblems(d: Pick<ProcedureDefinition, 'agencies' | 'units' | 'effectiveFrom'>, directory: UnitDirectory): FieldError[] {
  const check = (list: 'agencies' | 'units') =>
    d[list].flatMap((code, i): FieldError[] => {
      const unit = directory.get(code);
      if (!unit) return [{ field: `${list}.${i}`, message: `unit ${code} is not registered` }];
      if (unit.validTo && Date.parse(unit.validTo) <= Date.parse(d.effectiveFrom)) {
        return [{ field: `${list}.${i}`, message: `unit ${code} ceased to exist at ${unit.validTo}, before the version takes effect` }];
      }
      return [];
    });
  return [...check('agencies'), ...check('units')];
}

/** A unit's own consistency. */
export function unitProblems(unit: AdministrativeUnit): FieldError[] {
  const problems: FieldError[] = [];
  if (unit.validTo && Date.parse(unit.validTo) <= Date.parse(unit.validFrom)) problems.push({ field: 'validTo', message: 'must be after validFrom' });
  if (unit.parent === unit.code) problems.push({ field: 'parent', message: 'a unit cannot be its own parent' });
  unit.successorOf.forEach((code, i) => {
    if (code === unit.code) problems.push({ field: `successorOf.${i}`, message: 'a unit cannot succeed itself' });
  });
  problems.push(...duplicates(unit.successorOf, 'successorOf'));
  for (const field of ['officeHours', 'saturdayHours'] as const) {
    const periods = unit[field];
    if (periods && !validPeriods(periods)) problems.push({ field, message: 'periods must be ordered, each ending after it starts, and must not overlap' });
  }
  return problems;
}

/** The parent must be registered first; predecessors need not be (old communes may predate the catalogue). */
export function unitParentProblems(unit: AdministrativeUnit, directory: UnitDirectory): FieldError[] {
  return unit.parent && unit.parent !== unit.code && !directory.has(unit.parent) ? [{ field: 'parent', message: `unit ${unit.parent} is not registered` }] : [];
}

function validPeriods(periods: { start: string; end: string }[]): boolean {
  return periods.length > 0 && periods.every((p, i) => p.start < p.end && (i === 0 || periods[i - 1].end <= p.start));
}

function duplicates(values: string[], list: string, property?: string): FieldError[] {
  const seen = new Map<string, number>();
  return values.flatMap((value, i) => {
    const first = seen.get(value);
    if (first === undefined) {
      seen.set(value, i);
      return [];
    }
    const at = (index: number) => `${list}.${index}${property ? `.${property}` : ''}`;
    return [{ field: at(i), message: `duplicates ${at(first)} (${value})` }];
  });
}
