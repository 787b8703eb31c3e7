import { advisoryKey } from './advisory-key';

describe('advisoryKey', () => {
  it('is a signed 64-bit integer, stable for the same parts', () => {
    const key = BigInt(advisoryKey('intake', 'relay', 'motcua.intake.events.v1'));
    expect(key).toBeGreaterThanOrEqual(-(2n ** 63n));
    expect(key).toBeLessThan(2n ** 63n);
    expect(advisoryKey('intake', 'relay', 'motcua.intake.events.v1')).toBe(key.toString());
  });

  it('tells schemas and part boundaries apart', () => {
    expect(advisoryKey('intake', 'relay')).not.toBe(advisoryKey('payment', 'relay'));
    expect(advisoryKey('ab', 'c')).not.toBe(advisoryKey('a', 'bc'));
  });

  it('spreads keys over more than 32 bits', () => {
    const keys = Array.from({ length: 200 }, (_, i) => BigInt(advisoryKey('s', String(i))));
    expect(keys.some((k) => k > 2n ** 31n || k < -(2n ** 31n))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
