import { definition, unit } from './catalogue.fixtures';
import { definitionProblems, UnitDirectory, unitParentProblems, unitProblems, unitReferenceProblems } from './catalogue.rules';

const directory: UnitDirectory = new Map([
  ['H56', { code: 'H56' }],
  ['H56.10', { code: 'H56.10' }],
  ['H56.80', { code: 'H56.80', validTo: '2025-06-30T17:00:00.000Z' }],
]);
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('definition rules', () => {
  it('accepts a consistent definition', () => {
    expect(definitionProblems(definition())).toEqual([]);
  });

  it('names repeated document ids, fee codes and units', () => {
    const d = definition({
      requiredDocuments: [{ id: 'form', name: 'A', required: true }, { id: 'form', name: 'B', required: false }],
      fees: [...definition().fees, ...definition().fees],
      units: ['H56', 'H56'],
    });
    expect(fields(definitionProblems(d))).toEqual(['requiredDocuments.1.id', 'fees.1.code', 'units.1']);
  });

  it('refuses an online price above the fee, payment first without fees, and the district level after the reform', () => {
    const fee = { code: 'X', name: 'X', kind: 'CHARGE' as const, amount: 50_000, online: { rule: 'FIXED_AMOUNT' as const, amount: 60_000 } };
    expect(fields(definitionProblems(definition({ fees: [fee] })))).toEqual(['fees.0.online.amount']);
    expect(fields(definitionProblems(definition({ fees: [] })))).toEqual(['payFirst']);
    expect(fields(definitionProblems(definition({ level: 'DISTRICT' })))).toEqual(['level']);
    expect(definitionProblems(definition({ level: 'DISTRICT', effectiveFrom: '2025-06-30T16:59:59.000Z' }))).toEqual([]);
  });

  it('needs every agency and unit registered and still existing when the version takes effect', () => {
    expect(unitReferenceProblems(definition(), directory)).toEqual([]);
    const problems = unitReferenceProblems(definition({ agencies: ['H56.99'], units: ['H56', 'H56.80'] }), directory);
    expect(problems).toEqual([
      { field: 'agencies.0', message: 'unit H56.99 is not registered' },
      { field: 'units.1', message: expect.stringContaining('ceased to exist') },
    ]);
    expect(unitReferenceProblems(definition({ units: ['H56.80'], effectiveFrom: '2024-01-01T00:00:00.000Z' }), directory)).toEqual([]);
  });
});

describe('unit rules', () => {
  it('accepts a unit whose predecessors are unknown, but not one whose parent is', () => {
    expect(unitProblems(unit({ successorOf: ['12345'] }))).toEqual([]);
    expect(unitParentProblems(unit(), directory)).toEqual([]);
    expect(fields(unitParentProblems(unit({ parent: 'H99' }), directory))).toEqual(['parent']);
  });

  it('refuses an end before the start, and a unit that is its own parent or predecessor', () => {
    const bad = unit({ validTo: '2025-01-01T00:00:00.000Z', parent: 'H56.22', successorOf: ['H56.22', 'H56.80', 'H56.80'] });
    expect(fields(unitProblems(bad))).toEqual(['validTo', 'parent', 'successorOf.0', 'successorOf.2']);
  });
});
