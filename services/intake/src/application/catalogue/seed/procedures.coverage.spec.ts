import type { ProcedureVersion } from '../../../domain/catalogue/procedure';
import { SEED_PROCEDURES } from './procedures.seed';

/** What the seed must exercise for demonstrations and the 766 statistics to mean anything. */
const REFORM = Date.parse('2025-07-01T00:00:00+07:00');
const real = SEED_PROCEDURES.filter((v) => !v.code.startsWith('SAMPLE.'));
const previousOf = (v: ProcedureVersion) => real.find((p) => p.code === v.code && p.version === v.version - 1);
const online = (v: ProcedureVersion) => v.fees.map((f) => f.online.rule);

describe('the seed procedures cover', () => {
  it('every competent level and every online service level', () => {
    expect(new Set(real.map((v) => v.level))).toEqual(new Set(['PROVINCE', 'DISTRICT', 'COMMUNE']));
    expect(new Set(real.map((v) => v.serviceLevel))).toEqual(new Set(['FULL', 'PARTIAL', 'NONE']));
  });

  it('district versions retired on 1 July 2025, each followed by a commune version from that day', () => {
    const district = real.filter((v) => v.level === 'DISTRICT');
    expect(district.length).toBeGreaterThan(0);
    const broken = district.filter((v) => {
      const next = real.find((n) => n.code === v.code && n.version === v.version + 1);
      return v.retiredAt === undefined || Date.parse(v.retiredAt) !== REFORM || next?.level !== 'COMMUNE' || Date.parse(next.effectiveFrom) !== REFORM;
    });
    expect(broken.map((v) => `${v.code} v${v.version}`)).toEqual([]);
  });

  it('online fee exemptions that began on 1 July 2025 as a new version (Resolution 12/NQ-HĐND)', () => {
    const exemptedThen = real.filter((v) => {
      const previous = previousOf(v);
      return Date.parse(v.effectiveFrom) === REFORM && previous !== undefined && online(v).includes('EXEMPT') && !online(previous).includes('EXEMPT');
    });
    expect(exemptedThen.length).toBeGreaterThan(0);
  });

  it('online discounts and fixed online amounts', () => {
    expect(real.some((v) => online(v).includes('DISCOUNT_PERCENT'))).toBe(true);
    expect(real.some((v) => online(v).includes('FIXED_AMOUNT'))).toBe(true);
  });

  it('deadlines in working hours as well as working days', () => {
    expect(new Set(real.map((v) => v.processingTime.unit))).toEqual(new Set(['WORKING_DAYS', 'WORKING_HOURS']));
  });

  it('payment first, free procedures, and every refund rule', () => {
    expect(real.some((v) => v.payFirst)).toBe(true);
    expect(real.some((v) => v.fees.length === 0)).toBe(true);
    expect(new Set(real.map((v) => v.refundRule))).toEqual(new Set(['NONE', 'FULL_ON_WITHDRAWAL', 'FULL_ON_WITHDRAWAL_OR_STOP']));
  });

  it('e-results, paper-only results and procedures that return no document', () => {
    expect(real.some((v) => v.returnsDocument && v.eResultAllowed)).toBe(true);
    expect(real.some((v) => v.returnsDocument && !v.eResultAllowed)).toBe(true);
    expect(real.some((v) => !v.returnsDocument)).toBe(true);
  });

  it('an inter-agency chain through at least three agencies, and procedures decided by the receiving commune', () => {
    expect(real.some((v) => new Set(v.agencies).size >= 3)).toBe(true);
    expect(real.some((v) => v.level === 'COMMUNE' && v.agencies.length === 0)).toBe(true);
  });

  it('procedures whose handling agency changed with the department mergers of 1 March 2025', () => {
    const moved = real.filter((v) => {
      const previous = previousOf(v);
      return Date.parse(v.effectiveFrom) === Date.parse('2025-03-01T00:00:00+07:00') && previous && previous.agencies.join() !== v.agencies.join();
    });
    expect(moved.length).toBeGreaterThan(0);
  });
});
