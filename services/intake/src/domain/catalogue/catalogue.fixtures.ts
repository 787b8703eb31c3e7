import type { AdministrativeUnit } from './administrative-unit';
import type { ProcedureDefinition } from './procedure.decider';

/** A valid definition for specs to vary (sample values). */
export const definition = (overrides: Partial<ProcedureDefinition> = {}): ProcedureDefinition => ({
  code: 'SAMPLE.0001',
  name: 'Cấp Phiếu lý lịch tư pháp',
  field: 'Lý lịch tư pháp',
  level: 'PROVINCE',
  serviceLevel: 'FULL',
  processingTime: { value: 10, unit: 'WORKING_DAYS' },
  requiredDocuments: [{ id: 'form', name: 'Tờ khai', required: true }],
  fees: [{ code: 'LLTP', name: 'Phí', kind: 'FEE', amount: 200_000, online: { rule: 'DISCOUNT_PERCENT', percent: 15 } }],
  payFirst: true,
  eResultAllowed: true,
  returnsDocument: true,
  refundRule: 'FULL_ON_WITHDRAWAL',
  agencies: ['H56.10'],
  units: ['H56', 'H56.10'],
  effectiveFrom: '2025-07-01T00:00:00.000Z',
  sample: true,
  ...overrides,
});

export const unit = (overrides: Partial<AdministrativeUnit> = {}): AdministrativeUnit => ({
  code: 'H56.22',
  name: 'Phường Hạc Thành',
  level: 'COMMUNE',
  kind: 'PEOPLES_COMMITTEE',
  parent: 'H56',
  successorOf: ['H56.80'],
  validFrom: '2025-06-30T17:00:00.000Z',
  sample: true,
  ...overrides,
});
