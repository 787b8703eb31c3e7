import { DomainError } from '@motcua/platform/errors';
import type { FieldError } from '@motcua/platform/errors';
import type { AdministrativeUnit } from '../../domain/catalogue/administrative-unit';
import { definitionProblems, unitParentProblems, unitProblems, unitReferenceProblems } from '../../domain/catalogue/catalogue.rules';
import type { ProcedureVersion } from '../../domain/catalogue/procedure';
import type { CatalogueChanges } from './catalogue.writer';

export interface SeedData {
  units: AdministrativeUnit[];
  procedures: ProcedureVersion[];
}

/**
 * Seed data goes through the administrators' rules. An entry that breaks one is reported and
 * skipped rather than stopping the service; the seed's own spec keeps that from happening.
 */
export async function seedInto(changes: CatalogueChanges, seed: SeedData, report: (what: string, problem: string) => void): Promise<{ units: number; versions: number }> {
  let units = 0;
  for (const unit of parentsFirst(seed.units)) {
    const problems = [...unitProblems(unit), ...unitParentProblems(unit, await changes.directory())];
    if (problems.length > 0) report(`unit ${unit.code}`, describe(problems));
    else units += (await changes.unit({ type: 'Register', unit, ifAbsent: true })).length;
  }
  let versions = 0;
  const ordered = [...seed.procedures].sort((a, b) => a.code.localeCompare(b.code) || a.version - b.version);
  for (const seeded of ordered) {
    const { version, retiredAt, ...definition } = seeded;
    const what = `procedure ${seeded.code} v${version}`;
    const problems = [...definitionProblems(definition), ...unitReferenceProblems(definition, await changes.directory())];
    if (problems.length > 0) {
      report(what, describe(problems));
      continue;
    }
    try {
      versions += (await changes.procedure({ type: 'DefineVersion', definition, version })).length;
      const last = !ordered.some((other) => other.code === seeded.code && other.version > version);
      // A seed that retires its last version retires the procedure (earlier versions end with the next one).
      if (last && retiredAt) await changes.procedure({ type: 'Retire', code: seeded.code, retiredAt });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code !== 'CATALOGUE.PROCEDURE_RETIRED') report(what, error.message);
    }
  }
  return { units, versions };
}

/** Registration order: a unit's parent (when the seed has it) before the unit. */
export function parentsFirst(units: AdministrativeUnit[]): AdministrativeUnit[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const ordered: AdministrativeUnit[] = [];
  const placed = new Set<string>();
  const place = (unit: AdministrativeUnit, path: Set<string>) => {
    if (placed.has(unit.code) || path.has(unit.code)) return;
    const parent = unit.parent ? byCode.get(unit.parent) : undefined;
    if (parent) place(parent, new Set([...path, unit.code]));
    placed.add(unit.code);
    ordered.push(unit);
  };
  for (const unit of units) place(unit, new Set());
  return ordered;
}

function describe(problems: FieldError[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}
