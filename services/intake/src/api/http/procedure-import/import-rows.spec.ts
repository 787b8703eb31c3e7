import { definition } from '../../../domain/catalogue/catalogue.fixtures';
import { checkRows, jsonRows } from './import-rows';

const request = (overrides: Record<string, unknown> = {}) => ({ ...definition(), effectiveFrom: '2025-07-01T07:00:00+07:00', ...overrides });

describe('import rows', () => {
  it('checks JSON rows as POST /procedures does, numbering them from 1', () => {
    const { valid, errors } = checkRows(
      jsonRows([
        request({ code: 'A' }),
        request({ code: 'B', fees: [{ code: 'F', name: 'F', kind: 'FEE', amount: 10.5, online: { rule: 'EXEMPT', percent: 5 } }] }),
        'not an object',
        request({ code: 'D', unexpected: true, requiredDocuments: [{ id: 'a', name: 'A', required: true }, { id: 'a', name: 'B', required: true }] }),
        request({ code: 'E', requiredDocuments: [{ id: 'a', name: 'A', required: true }, { id: 'a', name: 'B', required: true }] }),
      ]),
    );
    expect(valid.map((r) => [r.line, r.definition.code])).toEqual([[1, 'A']]);
    expect(valid[0].definition.effectiveFrom).toBe('2025-07-01T00:00:00.000Z');
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'fees.0.amount'],
      [2, 'fees.0.online.percent'],
      [3, 'row'],
      [4, 'unexpected'],
      [5, 'requiredDocuments.1.id'],
    ]);
  });

  it('needs the rule-specific value of an online rule, and an offset on instants', () => {
    const { errors } = checkRows(
      jsonRows([request({ fees: [{ code: 'F', name: 'F', kind: 'FEE', amount: 100, online: { rule: 'FIXED_AMOUNT' } }], effectiveFrom: '2025-07-01T00:00:00' })]),
    );
    expect(errors.map((e) => e.field)).toEqual(['fees.0.online.amount', 'effectiveFrom']);
  });
});
