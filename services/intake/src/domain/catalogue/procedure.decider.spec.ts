import { DomainError } from '@motcua/platform/errors';
import type { CatalogueEvent } from './catalogue.events';
import { definition, unit } from './catalogue.fixtures';
import { decideProcedure, evolveProcedure, initialProcedureState, ProcedureCommand } from './procedure.decider';
import { decideUnit, evolveUnit, initialUnitState } from './unit.decider';

const given = (events: CatalogueEvent[]) => events.reduce(evolveProcedure, initialProcedureState);
const defined = (version: number, effectiveFrom = '2025-07-01T00:00:00.000Z'): CatalogueEvent => ({ type: 'ProcedureVersionDefined', data: { ...definition({ effectiveFrom }), version } });
const refusal = (command: ProcedureCommand, history: CatalogueEvent[]) => {
  try {
    decideProcedure(command, given(history));
  } catch (error) {
    return (error as DomainError).code;
  }
  throw new Error('the command was accepted');
};

describe('procedure decider', () => {
  it('numbers versions: 1 for a new procedure, then the latest + 1', () => {
    expect(decideProcedure({ type: 'DefineVersion', definition: definition() }, given([]))).toEqual([{ type: 'ProcedureVersionDefined', data: { ...definition(), version: 1 } }]);
    const [next] = decideProcedure({ type: 'DefineVersion', definition: definition({ effectiveFrom: '2026-01-01T00:00:00.000Z' }) }, given([defined(1), defined(2)]));
    expect(next.data).toMatchObject({ version: 3, effectiveFrom: '2026-01-01T00:00:00.000Z' });
  });

  it('refuses a version taking effect before the one it follows; the same instant is allowed', () => {
    expect(refusal({ type: 'DefineVersion', definition: definition({ effectiveFrom: '2025-01-01T00:00:00.000Z' }) }, [defined(1)])).toBe('CATALOGUE.EFFECTIVE_BEFORE_PREVIOUS');
    expect(decideProcedure({ type: 'DefineVersion', definition: definition() }, given([defined(1)]))).toHaveLength(1);
  });

  it('defines a named (seed) version once: nothing when it is there, a conflict when one is skipped', () => {
    expect(decideProcedure({ type: 'DefineVersion', definition: definition(), version: 1 }, given([defined(1)]))).toEqual([]);
    expect(decideProcedure({ type: 'DefineVersion', definition: definition(), version: 2 }, given([defined(1)]))[0].data).toMatchObject({ version: 2 });
    expect(refusal({ type: 'DefineVersion', definition: definition(), version: 3 }, [defined(1)])).toBe('CATALOGUE.VERSION_GAP');
  });

  it('retires the latest version once; an unknown procedure is not found', () => {
    const retire: ProcedureCommand = { type: 'Retire', code: 'SAMPLE.0001', retiredAt: '2026-01-01T00:00:00.000Z' };
    expect(decideProcedure(retire, given([defined(1), defined(2)]))).toEqual([{ type: 'ProcedureRetired', data: { code: 'SAMPLE.0001', version: 2, retiredAt: '2026-01-01T00:00:00.000Z' } }]);
    const retired: CatalogueEvent = { type: 'ProcedureRetired', data: { code: 'SAMPLE.0001', version: 1, retiredAt: '2026-01-01T00:00:00.000Z' } };
    expect(refusal(retire, [defined(1), retired])).toBe('CATALOGUE.PROCEDURE_RETIRED');
    expect(refusal({ type: 'DefineVersion', definition: definition() }, [defined(1), retired])).toBe('CATALOGUE.PROCEDURE_RETIRED');
    expect(refusal(retire, [])).toBe('CATALOGUE.PROCEDURE_NOT_FOUND');
  });
});

describe('unit decider', () => {
  const registered = [{ type: 'AdministrativeUnitRegistered' as const, data: unit() }].reduce(evolveUnit, initialUnitState);

  it('registers a unit once', () => {
    expect(decideUnit({ type: 'Register', unit: unit() }, initialUnitState)).toEqual([{ type: 'AdministrativeUnitRegistered', data: unit() }]);
    expect(() => decideUnit({ type: 'Register', unit: unit() }, registered)).toThrow(expect.objectContaining({ code: 'CATALOGUE.UNIT_ALREADY_REGISTERED' }));
  });

  it('treats a seed registration of a known unit as no change', () => {
    expect(decideUnit({ type: 'Register', unit: unit({ name: 'Another name' }), ifAbsent: true }, registered)).toEqual([]);
  });
});
