import { procedureSnapshot } from '@motcua/testing';
import { assessFees, discounted } from './fee-assessment';

const judicialRecord = (online: Parameters<typeof procedureSnapshot>[0] = {}) =>
  procedureSnapshot({
    code: 'SAMPLE.LLTP.01',
    fees: [
      { code: 'LLTP', name: 'Phí cấp phiếu lý lịch tư pháp', kind: 'FEE', amount: 200_000, online: { rule: 'DISCOUNT_PERCENT', percent: 15 } },
      { code: 'BAN-SAO', name: 'Bản sao thêm', kind: 'CHARGE', amount: 5_000, online: { rule: 'NONE' } },
    ],
    ...online,
  });

describe('fee assessment', () => {
  it('charges the listed amounts at the counter and by post, whatever the online rule', () => {
    for (const channel of ['COUNTER', 'POSTAL'] as const) {
      const { items, total, exempt } = assessFees(judicialRecord(), channel);
      expect(items).toEqual([
        { code: 'LLTP', kind: 'FEE', listed: 200_000, due: 200_000, rule: 'NONE' },
        { code: 'BAN-SAO', kind: 'CHARGE', listed: 5_000, due: 5_000, rule: 'NONE' },
      ]);
      expect({ total, exempt }).toEqual({ total: 205_000, exempt: false });
    }
  });

  it('applies an online discount per item, in whole đồng', () => {
    const { items, total, exempt } = assessFees(judicialRecord(), 'ONLINE');
    expect(items.map((i) => [i.code, i.due, i.rule])).toEqual([
      ['LLTP', 170_000, 'DISCOUNT_PERCENT'],
      ['BAN-SAO', 5_000, 'NONE'],
    ]);
    expect({ total, exempt }).toEqual({ total: 175_000, exempt: false });
    expect(discounted(12_345, 29)).toBe(8_765);
  });

  it('rounds a discounted amount half up to the whole đồng', () => {
    // 15% off: 28 333,05 · 8 514,45 · 8 509,5 · 8 502,55 đồng before rounding.
    expect([33_333, 10_017, 10_010, 10_003].map((amount) => discounted(amount, 15))).toEqual([28_333, 8_514, 8_509, 8_503]);
    const fee = { code: 'F', name: 'Phí', kind: 'FEE' as const, amount: 33_333, online: { rule: 'DISCOUNT_PERCENT' as const, percent: 15 } };
    expect(assessFees({ fees: [fee] }, 'ONLINE').total).toBe(28_333);
  });

  it('brings a fee-bearing procedure to 0 online with the exemption, and says it is exempt', () => {
    const fees = judicialRecord().fees.map((fee) => ({ ...fee, online: { rule: 'EXEMPT' as const } }));
    const { items, total, exempt } = assessFees({ fees }, 'ONLINE');
    expect(items.map((i) => i.due)).toEqual([0, 0]);
    expect({ total, exempt }).toEqual({ total: 0, exempt: true });
  });

  it('never charges more online than at the counter with a fixed online price', () => {
    const fee = { code: 'F', name: 'Lệ phí', kind: 'CHARGE' as const, amount: 50_000 };
    expect(assessFees({ fees: [{ ...fee, online: { rule: 'FIXED_AMOUNT', amount: 20_000 } }] }, 'ONLINE').total).toBe(20_000);
    expect(assessFees({ fees: [{ ...fee, online: { rule: 'FIXED_AMOUNT', amount: 80_000 } }] }, 'ONLINE').total).toBe(50_000);
  });

  it('finds nothing due, and no exemption, for a procedure without fees', () => {
    expect(assessFees({ fees: [] }, 'ONLINE')).toEqual({ items: [], total: 0, exempt: false });
  });
});
