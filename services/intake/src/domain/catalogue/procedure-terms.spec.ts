import { definition } from './catalogue.fixtures';
import type { Fee, ProcedureVersion } from './procedure';
import { effectiveTo, onlineAmount, procedureTerms } from './procedure-terms';

const item = (amount: number, online: Fee['online']): Fee => ({ code: 'F', name: 'Phí', kind: 'FEE', amount, online });
const version = (n: number, overrides: Partial<ProcedureVersion> = {}): ProcedureVersion => ({ ...definition(), version: n, ...overrides });

describe('what a procedure costs online', () => {
  it.each([
    [item(200_000, { rule: 'NONE' }), 200_000],
    [item(50_000, { rule: 'EXEMPT' }), 0],
    [item(200_000, { rule: 'DISCOUNT_PERCENT', percent: 15 }), 170_000],
    [item(2_005, { rule: 'DISCOUNT_PERCENT', percent: 50 }), 1_003],
    [item(135_000, { rule: 'FIXED_AMOUNT', amount: 115_000 }), 115_000],
    [item(10_000, { rule: 'FIXED_AMOUNT', amount: 20_000 }), 10_000],
  ])('%j costs %d VND online', (fee, amount) => {
    expect(onlineAmount(fee)).toBe(amount);
  });

  it('totals the items at the counter and online', () => {
    const terms = procedureTerms(version(1, { fees: [item(50_000, { rule: 'EXEMPT' }), item(100_000, { rule: 'NONE' })] }), null);
    expect(terms.feeTotal).toEqual({ counter: 150_000, online: 100_000 });
    expect(terms.fees.map((f) => f.onlineAmount)).toEqual([0, 100_000]);
  });
});

describe('when a version stops being in force', () => {
  it('at the next version, at its retirement if sooner, or never while it is the last', () => {
    const v1 = version(1, { effectiveFrom: '2024-01-01T00:00:00.000Z' });
    const v2 = version(2, { effectiveFrom: '2025-07-01T00:00:00.000Z' });
    const v3 = version(3, { effectiveFrom: '2026-01-01T00:00:00.000Z', retiredAt: '2025-12-01T00:00:00.000Z' });
    expect(effectiveTo(v1, [v1, v2, v3])).toBe('2025-07-01T00:00:00.000Z');
    expect(effectiveTo(v2, [v1, v2])).toBeNull();
    expect(effectiveTo({ ...v2, retiredAt: '2025-12-01T00:00:00.000Z' }, [v1, v2, v3])).toBe('2025-12-01T00:00:00.000Z');
  });
});
