import type { Principal } from '@motcua/platform';
import { dossierTransferred } from '@motcua/testing';
import type { ResultCommand } from '../domain/result/result.commands';
import { resultDecider } from '../domain/result/result.decider';
import type { ResultState } from '../domain/result/result.state';
import { assertMay, ResultRole } from './act-on-result';

const until = '2025-07-31T00:00:00.000Z';
const inside = new Date('2025-07-30T23:59:59.000Z');
const after = new Date(until);
const dossierId = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
/** Received at H56.22, decided by H56.30, printed; then a reorganisation merged H56.22 into H56.40. */
const life: ResultCommand[] = [
  {
    type: 'NoteResolution',
    resolution: {
      dossierId,
      code: 'H56.22-250620-0007',
      outcome: 'APPROVED',
      resolvedAt: '2025-06-27T03:00:00.000Z',
      unit: 'H56.22',
      issuer: 'H56.30',
      procedureCode: 'SAMPLE.DD.01',
      procedureVersion: 1,
      applicantRef: 'a'.repeat(64),
      eResultAllowed: false,
      returnsDocument: true,
      delivery: 'COUNTER',
      channel: 'COUNTER',
      resultDocument: { documentId: 'doc-r', name: 'Giấy chứng nhận' },
    },
  },
  { type: 'IssuePaperResult', documentNumber: 'GCN-1', at: new Date('2025-06-28T02:00:00.000Z') },
  { type: 'TransferResult', transfer: dossierTransferred({ dossierId, fromUnit: 'H56.22', toUnit: 'H56.40', transitionEndsAt: until }) },
];
const state = life.reduce<ResultState>((s, c) => resultDecider.decide(c, s).reduce(resultDecider.evolve, s), resultDecider.initialState);
const officer = (unit: string, role: 'RECEPTION_OFFICER' | 'LEADER' = 'RECEPTION_OFFICER'): Principal => ({ kind: 'officer', id: `o@${unit}`, role, unit });
const outcome = (caller: Principal, role: ResultRole, now: Date) => {
  try {
    assertMay(caller, state, role, now);
    return 'ALLOWED';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('who acts on a transferred result', () => {
  it('lets the successor desk read and deliver, and the merged desk too until its window ends', () => {
    expect([outcome(officer('H56.40'), 'DELIVER', after), outcome(officer('H56.40'), 'READ', after)]).toEqual(['ALLOWED', 'ALLOWED']);
    expect([outcome(officer('H56.22'), 'DELIVER', inside), outcome(officer('H56.22'), 'READ', inside)]).toEqual(['ALLOWED', 'ALLOWED']);
    expect([outcome(officer('H56.22'), 'DELIVER', after), outcome(officer('H56.22'), 'READ', after)]).toEqual(['AUTH.OTHER_UNIT', 'AUTH.OTHER_UNIT']);
  });

  it('gives the merged desk no issuing right it never had: the deciding agency issues', () => {
    expect(outcome(officer('H56.22', 'LEADER'), 'ISSUE', inside)).toBe('AUTH.OTHER_UNIT');
    expect(outcome(officer('H56.30', 'LEADER'), 'ISSUE', after)).toBe('ALLOWED');
  });
});
