import { ForbiddenError } from '../errors/domain-error';
import type { Principal } from './principal';
import { assertDossierAccess, assertUnit } from './unit-scope';

const officer = (unit: string, role: 'RECEPTION_OFFICER' | 'ADMIN' = 'RECEPTION_OFFICER'): Principal => ({ kind: 'officer', id: `officer-${unit}`, unit, role });
const portal: Principal = { kind: 'portal', id: 'portal-1', role: 'PORTAL' };
const former = { unit: '16276', until: '2025-07-15T00:00:00.000Z' };
const refusal = (act: () => void) => {
  try {
    act();
    return undefined;
  } catch (error) {
    return error instanceof ForbiddenError ? error.code : error;
  }
};

describe('unit scope', () => {
  it('lets an officer act on their own unit, an ADMIN everywhere, and refuses another unit', () => {
    expect(refusal(() => assertUnit(officer('16279'), '16279'))).toBeUndefined();
    expect(refusal(() => assertUnit(officer('H56', 'ADMIN'), '16279'))).toBeUndefined();
    expect(refusal(() => assertUnit(officer('16282'), '16279'))).toBe('AUTH.OTHER_UNIT');
  });

  it.each([
    ['inside the transition window', '2025-07-14T23:59:59.999Z', undefined],
    ['at its end', '2025-07-15T00:00:00.000Z', 'AUTH.OTHER_UNIT'],
    ['after it', '2025-08-01T00:00:00.000Z', 'AUTH.OTHER_UNIT'],
  ])("the former unit's officer on a transferred dossier %s (%s): %s; the successor's always", (_when, now, expected) => {
    expect(refusal(() => assertUnit(officer('16276'), '16279', former, new Date(now)))).toBe(expected);
    expect(refusal(() => assertUnit(officer('16279'), '16279', former, new Date(now)))).toBeUndefined();
  });

  it("never opens a dossier to a third unit's officer, nor to the former unit's without the clock", () => {
    expect(refusal(() => assertUnit(officer('16282'), '16279', former, new Date('2025-07-02T00:00:00.000Z')))).toBe('AUTH.OTHER_UNIT');
    expect(refusal(() => assertUnit(officer('16276'), '16279', former))).toBe('AUTH.OTHER_UNIT');
  });

  it('scopes a portal by the dossiers it submitted, whatever the unit', () => {
    const notFound = () => new Error('not found');
    expect(refusal(() => assertDossierAccess(portal, { unit: '16279', portal: 'portal-1', former }, notFound))).toBeUndefined();
    expect(refusal(() => assertDossierAccess({ kind: 'portal', id: 'portal-2', role: 'PORTAL' }, { unit: '16279', portal: 'portal-1' }, notFound))).toEqual(new Error('not found'));
    expect(refusal(() => assertDossierAccess(officer('16276'), { unit: '16279', former }, notFound, new Date('2025-07-02T00:00:00.000Z')))).toBeUndefined();
  });
});
