import { ForbiddenError } from '@motcua/platform';
import { assigneeScope } from './assignee-scope';

const officer = { kind: 'officer' as const, id: 'officer-7', role: 'PROCESSING_OFFICER' as const, unit: 'H56.22' };
const leader = { kind: 'officer' as const, id: 'leader-1', role: 'LEADER' as const, unit: 'H56.22' };

describe('whose cases a work list covers', () => {
  it('gives a processing officer what they may act on by default: theirs and the unassigned', () => {
    expect(assigneeScope(officer, undefined)).toEqual({ mode: 'OFFICER_OR_NONE', officerId: 'officer-7' });
    expect(assigneeScope(officer, 'me')).toEqual({ mode: 'OFFICER', officerId: 'officer-7' });
    expect(assigneeScope(officer, 'officer-7')).toEqual({ mode: 'OFFICER', officerId: 'officer-7' });
    expect(assigneeScope(officer, 'none')).toEqual({ mode: 'NONE' });
  });

  it("refuses a processing officer another officer's cases", () => {
    expect(() => assigneeScope(officer, 'officer-8')).toThrow(ForbiddenError);
    expect(() => assigneeScope(officer, 'officer-8')).toThrow(expect.objectContaining({ code: 'AUTH.OTHER_OFFICER' }));
  });

  it("gives a leader the whole agency, or any one officer's cases", () => {
    expect(assigneeScope(leader, undefined)).toEqual({ mode: 'ANY' });
    expect(assigneeScope(leader, 'officer-8')).toEqual({ mode: 'OFFICER', officerId: 'officer-8' });
    expect(assigneeScope(leader, 'me')).toEqual({ mode: 'OFFICER', officerId: 'leader-1' });
  });
});
