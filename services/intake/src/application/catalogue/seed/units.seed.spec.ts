import type { AdministrativeUnit } from '../../../domain/catalogue/administrative-unit';
import { UNIT } from './unit-codes';
import { SEED_UNITS } from './units.seed';

const REFORM = Date.parse('2025-07-01T00:00:00+07:00');
const byCode = new Map(SEED_UNITS.map((u) => [u.code, u]));
const rank = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 } as const;
const existsAt = (u: AdministrativeUnit, instant: number) => Date.parse(u.validFrom) <= instant && (!u.validTo || Date.parse(u.validTo) > instant);

describe('the seed units', () => {
  it('has one entry per code', () => {
    expect(byCode.size).toBe(SEED_UNITS.length);
  });

  it('holds every unit the tests and the sample procedures use, as they use it', () => {
    const since2024 = Date.parse('2024-01-01T00:00:00+07:00');
    const now = Date.parse('2026-01-01T00:00:00+07:00');
    const shape = (code: string) => {
      const u = byCode.get(code);
      return u && { level: u.level, kind: u.kind, continuous: existsAt(u, since2024) && existsAt(u, now) };
    };
    expect(shape('H56')).toEqual({ level: 'PROVINCE', kind: 'PEOPLES_COMMITTEE', continuous: true });
    expect(shape('H56.10')).toEqual({ level: 'PROVINCE', kind: 'DEPARTMENT', continuous: true });
    for (const commune of ['H56.22', 'H56.23', 'H56.30', 'H56.31', 'H56.99']) {
      expect([commune, shape(commune)]).toEqual([commune, { level: 'COMMUNE', kind: 'PEOPLES_COMMITTEE', continuous: true }]);
    }
    expect(shape('H56.40')).toEqual({ level: 'PROVINCE', kind: 'AGENCY', continuous: true });
    expect(shape('H56.50')).toEqual({ level: 'PROVINCE', kind: 'AGENCY', continuous: true });
    expect(byCode.get('H56.10')?.name).toBe('Sở Tư pháp tỉnh Thanh Hóa');
    expect(byCode.get('H56.40')?.name).toBe('Văn phòng Đăng ký đất đai tỉnh Thanh Hóa');
  });

  it('holds every unit the procedures name', () => {
    expect(Object.values(UNIT).filter((code) => !byCode.has(code))).toEqual([]);
  });

  it('has one provincial service centre receiving dossiers today', () => {
    const centres = SEED_UNITS.filter((u) => u.kind === 'SERVICE_CENTRE' && existsAt(u, REFORM));
    expect(centres.map((u) => [u.level, u.parent])).toEqual([['PROVINCE', 'H56']]);
  });

  it('has validity periods that parse and run forward', () => {
    const broken = SEED_UNITS.filter(
      (u) => Number.isNaN(Date.parse(u.validFrom)) || (u.validTo !== undefined && !(Date.parse(u.validTo) > Date.parse(u.validFrom))),
    );
    expect(broken.map((u) => u.code)).toEqual([]);
  });

  it('puts each unit under a seeded parent of a higher level (or the province, for its departments)', () => {
    const misplaced = SEED_UNITS.filter((u) => {
      if (u.code === 'H56') return u.parent !== undefined;
      if (u.kind === 'PEOPLES_COMMITTEE' && !u.parent) return true;
      const parent = u.parent ? byCode.get(u.parent) : undefined;
      if (u.parent && !parent) return true;
      if (!parent) return false;
      const rankGap = rank[u.level] - rank[parent.level];
      return u.kind === 'PEOPLES_COMMITTEE' ? rankGap <= 0 : rankGap < 0;
    });
    expect(misplaced.map((u) => u.code)).toEqual([]);
  });

  it('lets each predecessor end when its successor, of the same level, exists', () => {
    const broken = SEED_UNITS.flatMap((u) =>
      u.successorOf.flatMap((code) => {
        const predecessor = byCode.get(code);
        const ok = predecessor?.validTo !== undefined && predecessor.level === u.level && code !== u.code && existsAt(u, Date.parse(predecessor.validTo));
        return ok ? [] : [`${u.code} ← ${code}`];
      }),
    );
    expect(broken).toEqual([]);
    expect(SEED_UNITS.some((u) => u.level === 'COMMUNE' && u.successorOf.length > 1)).toBe(true);
  });

  it('follows every ended commune and department to a successor, so statistics can be reported by new units', () => {
    const succeeded = new Set(SEED_UNITS.flatMap((u) => u.successorOf));
    const orphans = SEED_UNITS.filter((u) => u.validTo && u.level !== 'DISTRICT' && !succeeded.has(u.code));
    expect(orphans.map((u) => u.code)).toEqual([]);
  });

  it('ends the district level on 1 July 2025 and keeps the former districts and communes', () => {
    const districts = SEED_UNITS.filter((u) => u.level === 'DISTRICT');
    expect(districts.length).toBeGreaterThan(0);
    expect(districts.filter((d) => d.validTo === undefined || Date.parse(d.validTo) !== REFORM)).toEqual([]);
    expect(SEED_UNITS.filter((u) => u.level === 'COMMUNE' && u.validTo && Date.parse(u.validTo) === REFORM).length).toBeGreaterThan(1);
    expect(SEED_UNITS.filter((u) => u.level === 'COMMUNE' && Date.parse(u.validFrom) === REFORM).length).toBeGreaterThan(0);
  });

  it('marks every code below H56 as sample (the official identification codes were not used)', () => {
    expect(SEED_UNITS.filter((u) => u.code !== 'H56' && !u.sample).map((u) => u.code)).toEqual([]);
    expect(byCode.get('H56')?.sample).toBe(false);
  });
});
