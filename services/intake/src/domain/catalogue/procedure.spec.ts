import { ProcedureVersion, toSnapshot, versionInForce } from './procedure';
import { checkSubmission } from './submission-rules';

const base: ProcedureVersion = {
  code: 'SAMPLE.0001',
  version: 1,
  name: 'Cấp Phiếu lý lịch tư pháp',
  field: 'Lý lịch tư pháp',
  level: 'PROVINCE',
  serviceLevel: 'FULL',
  processingTime: { value: 10, unit: 'WORKING_DAYS' },
  requiredDocuments: [
    { id: 'form', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', required: true },
    { id: 'mandate', name: 'Văn bản ủy quyền', required: false },
    { id: 'residence', name: 'Giấy tờ chứng minh nơi cư trú', required: true },
  ],
  fees: [{ code: 'LLTP', name: 'Phí cung cấp thông tin lý lịch tư pháp', kind: 'FEE', amount: 200_000, online: { rule: 'NONE' } }],
  payFirst: true,
  eResultAllowed: true,
  returnsDocument: true,
  refundRule: 'FULL_ON_WITHDRAWAL',
  agencies: ['H56.10'],
  units: ['H56.10', 'H56.22'],
  effectiveFrom: '2024-01-01T00:00:00+07:00',
  sample: true,
};

const code = (fn: () => void) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('procedure versions', () => {
  const v2: ProcedureVersion = { ...base, version: 2, effectiveFrom: '2025-07-01T00:00:00+07:00', fees: [{ ...base.fees[0], online: { rule: 'DISCOUNT_PERCENT', percent: 15 } }] };
  const v3: ProcedureVersion = { ...base, version: 3, effectiveFrom: '2026-01-01T00:00:00+07:00', retiredAt: '2026-06-01T00:00:00+07:00' };

  it.each([
    ['before the first version', '2023-12-31T23:59:00+07:00', undefined],
    ['under the first version', '2025-06-30T23:59:00+07:00', 1],
    ['from the day the new fee applies', '2025-07-01T00:00:00+07:00', 2],
    ['under the last version', '2026-02-01T00:00:00+07:00', 3],
    ['after the procedure was retired', '2026-06-01T00:00:00+07:00', 2],
  ])('%s', (_case, at, version) => {
    expect(versionInForce([base, v2, v3], new Date(at))?.version).toBe(version);
  });

  it('carries its terms as the snapshot a received dossier travels with', () => {
    expect(toSnapshot(v2)).toMatchObject({ code: 'SAMPLE.0001', version: 2, payFirst: true, fees: [{ amount: 200_000, online: { rule: 'DISCOUNT_PERCENT', percent: 15 } }] });
    expect(toSnapshot(v2)).not.toHaveProperty('units');
  });

  it('is handled by the receiving unit when the procedure lists no agencies', () => {
    const ownWork = { ...base, agencies: [] };
    expect(toSnapshot(ownWork, 'H56.22').agencies).toEqual(['H56.22']);
    expect(toSnapshot(ownWork).agencies).toEqual(['H56.10', 'H56.22']);
    expect(toSnapshot(base, 'H56.22').agencies).toEqual(['H56.10']);
  });
});

describe('submission rules', () => {
  const all = { documentIds: ['form', 'residence'] };

  it('accepts a complete online dossier at a unit that receives the procedure', () => {
    expect(code(() => checkSubmission(base, { channel: 'ONLINE', unit: 'H56.22', ...all }))).toBeUndefined();
  });

  it('refuses online submission of a counter-only procedure', () => {
    expect(code(() => checkSubmission({ ...base, serviceLevel: 'NONE' }, { channel: 'ONLINE', unit: 'H56.22', ...all }))).toBe('PROCEDURE.NOT_ONLINE');
    expect(code(() => checkSubmission({ ...base, serviceLevel: 'NONE' }, { channel: 'COUNTER', unit: 'H56.22', ...all }))).toBeUndefined();
  });

  it('refuses a unit that does not receive the procedure', () => {
    expect(code(() => checkSubmission(base, { channel: 'COUNTER', unit: 'H56.99', ...all }))).toBe('PROCEDURE.NOT_OFFERED_AT_UNIT');
  });

  it('lists every missing required document at once, and only the required ones', () => {
    try {
      checkSubmission(base, { channel: 'ONLINE', unit: 'H56.22', documentIds: [] });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as { code: string }).code).toBe('DOSSIER.MISSING_DOCUMENTS');
      expect((error as { fieldErrors: { field: string }[] }).fieldErrors.map((f) => f.field)).toEqual(['components.form', 'components.residence']);
    }
  });
});
