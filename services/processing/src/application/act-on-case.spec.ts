import { ForbiddenError } from '@motcua/platform';
import type { Principal } from '@motcua/platform';
import { dossierReceived } from '@motcua/testing';
import { initialCaseState } from '../domain/case/case.state';
import type { CaseState } from '../domain/case/case.state';
import { assertMayActOnCase } from './act-on-case';

const officer = (role: 'PROCESSING_OFFICER' | 'LEADER' | 'ADMIN', unit: string, id = `${role}@${unit}`): Principal => ({ kind: 'officer', id, role, unit });
const atStep = (holder: Partial<CaseState> = {}): CaseState => ({ ...initialCaseState, status: 'OPEN', opened: dossierReceived({ unit: 'H56.22' }), step: 1, agency: 'H56.10', ...holder });
const now = new Date('2025-07-02T02:00:00.000Z');
const refusal = (act: () => void) => {
  try {
    act();
  } catch (error) {
    return error instanceof ForbiddenError ? error.code : String(error);
  }
  return 'allowed';
};

describe('who may act on a case', () => {
  it('refuses an officer of any agency but the current step’s', () => {
    expect(refusal(() => assertMayActOnCase(officer('PROCESSING_OFFICER', 'H56.22'), atStep(), now))).toBe('AUTH.OTHER_UNIT');
    expect(refusal(() => assertMayActOnCase(officer('LEADER', 'H56.22'), atStep(), now))).toBe('AUTH.OTHER_UNIT');
    expect(refusal(() => assertMayActOnCase(officer('ADMIN', 'H56'), atStep(), now))).toBe('allowed');
  });

  it('lets a processing officer act on a step assigned to them or to no one, not on another officer’s', () => {
    expect(refusal(() => assertMayActOnCase(officer('PROCESSING_OFFICER', 'H56.10'), atStep(), now))).toBe('allowed');
    expect(refusal(() => assertMayActOnCase(officer('PROCESSING_OFFICER', 'H56.10', 'officer-7'), atStep({ officerId: 'officer-7' }), now))).toBe('allowed');
    expect(refusal(() => assertMayActOnCase(officer('PROCESSING_OFFICER', 'H56.10', 'officer-8'), atStep({ officerId: 'officer-7' }), now))).toBe('CASE.ASSIGNED_TO_ANOTHER');
  });

  it('lets the agency’s leader act whoever holds the step', () => {
    expect(refusal(() => assertMayActOnCase(officer('LEADER', 'H56.10'), atStep({ officerId: 'officer-7' }), now))).toBe('allowed');
  });

  it("lets the merged unit's officers act on a transferred case only until the transition window ends", () => {
    const moved = atStep({ agency: 'H56.79', former: { unit: 'H56.10', until: '2025-07-15T00:00:00.000Z' } });
    expect(refusal(() => assertMayActOnCase(officer('LEADER', 'H56.79'), moved, now))).toBe('allowed');
    expect(refusal(() => assertMayActOnCase(officer('LEADER', 'H56.10'), moved, now))).toBe('allowed');
    expect(refusal(() => assertMayActOnCase(officer('LEADER', 'H56.10'), moved, new Date('2025-07-15T00:00:00.000Z')))).toBe('AUTH.OTHER_UNIT');
    expect(refusal(() => assertMayActOnCase(officer('LEADER', 'H56.22'), moved, now))).toBe('AUTH.OTHER_UNIT');
  });
});
