import type { AdministrativeUnit } from './administrative-unit';
import { Reorganisation, reorganisationChanges, reorganisationProblems } from './reorganisation';

const unit = (code: string, level: AdministrativeUnit['level'] = 'COMMUNE', validTo?: string): AdministrativeUnit => ({
  code, name: `Xã ${code}`, level, kind: 'PEOPLES_COMMITTEE', parent: 'H56', successorOf: [], validFrom: '2020-01-01T00:00:00.000Z', sample: true, ...(validTo ? { validTo } : {}),
});
const units = new Map([unit('A'), unit('B'), unit('C'), unit('S'), unit('D1', 'DISTRICT'), unit('D2', 'DISTRICT'), unit('OLD', 'COMMUNE', '2024-01-01T00:00:00.000Z'), unit('H56', 'PROVINCE')].map((u) => [u.code, u]));
const reorganisation = (over: Partial<Reorganisation> = {}): Reorganisation => ({
  id: 'TH-2025-07', effectiveAt: '2025-06-30T17:00:00.000Z', transitionEndsAt: '2025-07-31T17:00:00.000Z', mergers: [{ successor: 'S', merged: ['A', 'B', 'C'] }], abolishedLevels: [],
  recordedAt: '2025-06-20T02:00:00.000Z', recordedBy: 'admin-1', ...over,
});
const fields = (r: Reorganisation) => reorganisationProblems(r, units).map((p) => p.field);

describe('reorganisation rules', () => {
  it('closes each merged unit at the effective date and has the successor name them', () => {
    expect(reorganisationProblems(reorganisation(), units)).toEqual([]);
    const { closed, successors } = reorganisationChanges(reorganisation(), units);
    expect(closed.map((u) => [u.code, u.validTo, u.mergedInto, u.reorganisationId])).toEqual(['A', 'B', 'C'].map((c) => [c, '2025-06-30T17:00:00.000Z', 'S', 'TH-2025-07']));
    expect(successors).toEqual([{ ...unit('S'), successorOf: ['A', 'B', 'C'] }]);
  });

  it('refuses, naming each field: unknown, ended, doubly merged, self-merged units and a successor merged elsewhere', () => {
    const r = reorganisation({ mergers: [{ successor: 'S', merged: ['A', 'X', 'OLD', 'S'] }, { successor: 'B', merged: ['A', 'S'] }, { successor: 'Y', merged: ['C'] }] });
    expect(fields(r)).toEqual(['mergers.0.merged.1', 'mergers.0.merged.2', 'mergers.0.merged.3', 'mergers.1.merged.0', 'mergers.1.merged.1', 'mergers.2.successor']);
  });

  it('refuses a transition window ending before the effective date', () => {
    expect(fields(reorganisation({ transitionEndsAt: '2025-06-01T00:00:00.000Z' }))).toEqual(['transitionEndsAt']);
  });

  it('abolishes a level only when every unit of it is merged, and never into that level', () => {
    expect(fields(reorganisation({ abolishedLevels: ['DISTRICT'], mergers: [{ successor: 'H56', merged: ['D1'] }] }))).toEqual(['abolishedLevels']);
    expect(reorganisationProblems(reorganisation({ abolishedLevels: ['DISTRICT'], mergers: [{ successor: 'H56', merged: ['D1'] }] }), units)[0].message).toContain('D2');
    expect(fields(reorganisation({ abolishedLevels: ['DISTRICT'], mergers: [{ successor: 'H56', merged: ['D1', 'D2'] }] }))).toEqual([]);
    expect(fields(reorganisation({ abolishedLevels: ['DISTRICT'], mergers: [{ successor: 'D2', merged: ['D1'] }] }))).toEqual(['mergers.0.successor', 'abolishedLevels']);
  });
});
