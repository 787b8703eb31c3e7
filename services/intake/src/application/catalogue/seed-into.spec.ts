import type { CatalogueEvent } from '../../domain/catalogue/catalogue.events';
import { unit } from '../../domain/catalogue/catalogue.fixtures';
import { definitionProblems, unitParentProblems, unitProblems, unitReferenceProblems } from '../../domain/catalogue/catalogue.rules';
import { decideProcedure, evolveProcedure, initialProcedureState, ProcedureState } from '../../domain/catalogue/procedure.decider';
import { assertPublishable } from './catalogue.publication';
import { parentsFirst } from './seed-into';
import { SEED_PROCEDURES } from './seed/procedures.seed';
import { SEED_UNITS } from './seed/units.seed';

describe('seed catalogue', () => {
  it('registers parents before their units', () => {
    const units = [unit({ code: 'C', parent: 'B' }), unit({ code: 'B', parent: 'A' }), unit({ code: 'A', parent: undefined }), unit({ code: 'D', parent: 'outside' })];
    expect(parentsFirst(units).map((u) => u.code)).toEqual(['A', 'B', 'C', 'D']);
  });

  // The service seeds through the administrators' rules and skips what breaks one: this keeps the seed whole.
  it('keeps every rule an administrator is held to', () => {
    const directory = new Map<string, { code: string; validTo?: string }>();
    for (const seeded of parentsFirst(SEED_UNITS)) {
      expect({ unit: seeded.code, problems: [...unitProblems(seeded), ...unitParentProblems(seeded, directory)] }).toEqual({ unit: seeded.code, problems: [] });
      directory.set(seeded.code, seeded);
      assertPublishable({ type: 'AdministrativeUnitRegistered', data: seeded }, new Date());
    }
    const states = new Map<string, ProcedureState>();
    for (const seeded of [...SEED_PROCEDURES].sort((a, b) => a.code.localeCompare(b.code) || a.version - b.version)) {
      const { version, retiredAt: _retiredAt, ...definition } = seeded;
      const what = `${seeded.code} v${version}`;
      expect({ what, problems: [...definitionProblems(definition), ...unitReferenceProblems(definition, directory)] }).toEqual({ what, problems: [] });
      const events: CatalogueEvent[] = decideProcedure({ type: 'DefineVersion', definition, version }, states.get(seeded.code) ?? initialProcedureState);
      expect(events).toHaveLength(1);
      events.forEach((event) => assertPublishable(event, new Date()));
      states.set(seeded.code, events.reduce(evolveProcedure, states.get(seeded.code) ?? initialProcedureState));
    }
    expect(states.size).toBeGreaterThanOrEqual(5);
  });
});
