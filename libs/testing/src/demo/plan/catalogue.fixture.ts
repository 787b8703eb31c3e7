import type { ProcedureTerms } from './demo-catalogue';

const FROM_2024 = '2023-12-31T17:00:00.000Z';
const MERGER = '2025-02-28T17:00:00.000Z';
const docs = (...ids: string[]) => ids.map((id) => ({ id, name: `Giấy tờ ${id}`, required: true }));

function terms(code: string, more: Partial<ProcedureTerms>): ProcedureTerms {
  return {
    code,
    version: 1,
    serviceLevel: 'FULL',
    processingTime: { value: 10, unit: 'WORKING_DAYS' },
    requiredDocuments: docs('form', 'identity'),
    fees: [],
    payFirst: false,
    eResultAllowed: true,
    returnsDocument: true,
    agencies: [],
    units: ['H56.01'],
    effectiveFrom: FROM_2024,
    ...more,
  };
}

/** A few procedures of the seed's kinds, as the catalogue API would answer them, for the planner's specs. */
export const PLAN_CATALOGUE: ProcedureTerms[] = [
  terms('2.000488', { units: ['H56.01', 'H56.10'], agencies: ['H56.60', 'H56.10'], fees: [{ amount: 200_000, online: { rule: 'NONE' } }], payFirst: true }),
  terms('2.001610', { processingTime: { value: 3, unit: 'WORKING_DAYS' }, agencies: ['H56.14'], retiredAt: MERGER, payFirst: true, fees: [{ amount: 50_000, online: { rule: 'EXEMPT' } }, { amount: 100_000, online: { rule: 'NONE' } }] }),
  terms('2.001610', { version: 2, processingTime: { value: 3, unit: 'WORKING_DAYS' }, agencies: ['H56.15'], effectiveFrom: MERGER, payFirst: true, fees: [{ amount: 50_000, online: { rule: 'EXEMPT' } }, { amount: 100_000, online: { rule: 'NONE' } }] }),
  terms('9.000203', { processingTime: { value: 8, unit: 'WORKING_HOURS' }, units: ['H56.01', 'H56.40'], agencies: ['H56.40'], payFirst: true, fees: [{ amount: 80_000, online: { rule: 'NONE' } }] }),
  terms('1.001978', { processingTime: { value: 20, unit: 'WORKING_DAYS' }, agencies: ['H56.18'] }),
  terms('9.000304', { serviceLevel: 'NONE', eResultAllowed: false, processingTime: { value: 25, unit: 'WORKING_DAYS' }, agencies: ['H56.17'] }),
  terms('1.001193', { processingTime: { value: 8, unit: 'WORKING_HOURS' }, units: ['H56.22'] }),
  terms('SAMPLE.DD.01', { serviceLevel: 'PARTIAL', eResultAllowed: false, units: ['H56.22'], agencies: ['H56.22', 'H56.40', 'H56.50'], fees: [{ amount: 100_000, online: { rule: 'EXEMPT' } }], requiredDocuments: docs('form', 'contract', 'certificate') }),
  terms('1.001612', { processingTime: { value: 3, unit: 'WORKING_DAYS' }, units: ['H56.80'], payFirst: true, fees: [{ amount: 100_000, online: { rule: 'NONE' } }] }),
];
