import type { FieldError } from '@motcua/platform/errors';
import type { AdministrativeUnit } from './administrative-unit';
import type { UnitLevel } from './procedure';

/**
 * A reorganisation of administrative units, as an administrator records it: from `effectiveAt`
 * each merger's units cease and their successor carries them on (several communes into one new
 * commune; a district's dossiers to the commune or province that takes over its work). A level
 * may be abolished with it (DISTRICT, 1 July 2025): then every unit of that level must be merged.
 */
export interface Reorganisation {
  id: string;
  /** ISO instants. */
  effectiveAt: string;
  /** Until then the merged units' officers may still act on the dossiers moved to the successor. */
  transitionEndsAt: string;
  mergers: Merger[];
  abolishedLevels: UnitLevel[];
  recordedAt: string;
  /** The administrator's officer id. */
  recordedBy: string;
}

export interface Merger {
  successor: string;
  merged: string[];
}

/** The catalogue's changes a reorganisation makes: each merged unit closed, each successor naming its predecessors. */
export interface ReorganisationChanges {
  closed: AdministrativeUnit[];
  successors: AdministrativeUnit[];
}

const existsAt = (unit: AdministrativeUnit, at: number) => Date.parse(unit.validFrom) <= at && (unit.validTo === undefined || Date.parse(unit.validTo) > at);

/**
 * What is wrong with a reorganisation against the units registered (successors registered in the
 * same request included), every problem at once, each naming its field.
 */
export function reorganisationProblems(r: Pick<Reorganisation, 'effectiveAt' | 'transitionEndsAt' | 'mergers' | 'abolishedLevels'>, units: ReadonlyMap<string, AdministrativeUnit>): FieldError[] {
  const problems: FieldError[] = [];
  const at = Date.parse(r.effectiveAt);
  if (Date.parse(r.transitionEndsAt) < at) problems.push({ field: 'transitionEndsAt', message: 'must not be before effectiveAt' });
  const successors = new Set(r.mergers.map((m) => m.successor));
  const mergedBy = new Map<string, string>();
  r.mergers.forEach((merger, i) => {
    const successor = units.get(merger.successor);
    if (!successor) problems.push({ field: `mergers.${i}.successor`, message: `unit ${merger.successor} is not registered` });
    else if (successor.validTo !== undefined && Date.parse(successor.validTo) <= at) problems.push({ field: `mergers.${i}.successor`, message: `unit ${merger.successor} no longer exists at ${r.effectiveAt}` });
    else if (r.abolishedLevels.includes(successor.level)) problems.push({ field: `mergers.${i}.successor`, message: `the ${successor.level} level is abolished by this reorganisation` });
    merger.merged.forEach((code, j) => {
      const field = `mergers.${i}.merged.${j}`;
      const unit = units.get(code);
      if (code === merger.successor) problems.push({ field, message: 'a unit cannot be merged into itself' });
      else if (successors.has(code)) problems.push({ field, message: `unit ${code} is a successor in this reorganisation` });
      else if (mergedBy.has(code)) problems.push({ field, message: `unit ${code} is already merged by ${mergedBy.get(code)}` });
      else if (!unit) problems.push({ field, message: `unit ${code} is not registered` });
      else if (!existsAt(unit, at)) problems.push({ field, message: `unit ${code} does not exist at ${r.effectiveAt}` });
      mergedBy.set(code, `mergers.${i}`);
    });
  });
  for (const level of r.abolishedLevels) {
    const left = [...units.values()].filter((u) => u.level === level && existsAt(u, at) && !mergedBy.has(u.code)).map((u) => u.code);
    if (left.length > 0) {
      const shown = left.slice(0, 20).join(', ');
      problems.push({ field: 'abolishedLevels', message: `${left.length} ${level} unit(s) would be left without a successor: ${shown}${left.length > 20 ? ', …' : ''}` });
    }
  }
  return problems;
}

/** The units as they stand after the reorganisation (call only once reorganisationProblems found none). */
export function reorganisationChanges(r: Reorganisation, units: ReadonlyMap<string, AdministrativeUnit>): ReorganisationChanges {
  const closed: AdministrativeUnit[] = [];
  const successors: AdministrativeUnit[] = [];
  for (const merger of r.mergers) {
    const successor = units.get(merger.successor) as AdministrativeUnit;
    successors.push({ ...successor, successorOf: [...new Set([...successor.successorOf, ...merger.merged])] });
    for (const code of merger.merged) {
      closed.push({ ...(units.get(code) as AdministrativeUnit), validTo: r.effectiveAt, mergedInto: merger.successor, reorganisationId: r.id });
    }
  }
  return { closed, successors };
}
