import { ProcessingTime, WorkingCalendar } from '@motcua/calendar';
import { dossierReceived, procedureSnapshot } from '@motcua/testing';
import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decider';
import type { CaseState } from './case.state';

const calendar = new WorkingCalendar();
const decider = caseDecider(calendar);
const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => vn(local).toISOString();
const dossierId = '3c1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d7';

function caseAfter(receivedAt: string, time: ProcessingTime, payFirst: boolean, ...commands: CaseCommand[]): CaseState {
  const received = dossierReceived({
    dossierId,
    receivedAt: iso(receivedAt),
    dueAt: calendar.dueAt(vn(receivedAt), time)?.toISOString() ?? '',
    procedure: procedureSnapshot({ processingTime: time, payFirst }),
  });
  let state = decider.decide({ type: 'OpenCase', received }, decider.initialState).reduce(decider.evolve, decider.initialState);
  for (const command of commands) state = decider.decide(command, state).reduce(decider.evolve, state);
  return state;
}

// Readers that keep their own record of a case (the demo workload's ground truth) need the
// instants at which the due date moved and pauses ended, not only where they stand now.
describe('the case keeps the history of its due date and of its closed pauses', () => {
  it('records the due date at opening, its move by a supplement wait and by an extension, and the pause closed', () => {
    const state = caseAfter(
      '2025-03-03T08:00',
      { value: 5, unit: 'WORKING_DAYS' },
      false,
      { type: 'RequestSupplement', at: vn('2025-03-04T09:00'), requestId: 'req-1', missing: ['Bản vẽ'], officerId: 'officer-1' },
      { type: 'ResumeAfterSupplement', at: vn('2025-03-05T09:00'), requestId: 'req-1' },
      { type: 'ExtendDeadline', at: vn('2025-03-06T10:00'), by: { value: 2, unit: 'WORKING_DAYS' }, reason: 'Cần xác minh thực địa', approvedBy: 'leader-1' },
    );
    expect(state.pastPauses).toEqual([{ reason: 'SUPPLEMENT', since: iso('2025-03-04T09:00'), until: iso('2025-03-05T09:00') }]);
    expect(state.dueChanges.map((c) => [c.cause, c.changedAt])).toEqual([
      ['OPENED', iso('2025-03-03T08:00')],
      ['RESUMED', iso('2025-03-05T09:00')],
      ['EXTENDED', iso('2025-03-06T10:00')],
    ]);
    expect(state.dueChanges[1].dueAt).toBe(calendar.dueAt(vn('2025-03-03T08:00'), { value: 6, unit: 'WORKING_DAYS' })?.toISOString());
    expect(state.dueChanges[2].dueAt).toBe(state.dueAt);
  });

  it('closes a pay-first wait at the payment without a due change when no working time passed', () => {
    const state = caseAfter('2025-03-03T18:00', { value: 4, unit: 'WORKING_HOURS' }, true, { type: 'RecordPayment', at: vn('2025-03-03T18:05') });
    expect(state.pastPauses).toEqual([{ reason: 'AWAITING_PAYMENT', since: iso('2025-03-03T18:00'), until: iso('2025-03-03T18:05') }]);
    expect(state.dueChanges.map((c) => c.cause)).toEqual(['OPENED']);
  });
});
