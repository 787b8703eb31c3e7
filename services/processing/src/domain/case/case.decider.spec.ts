import { WorkingCalendar } from '@motcua/calendar';
import { dossierReceived, procedureSnapshot } from '@motcua/testing';
import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decider';
import type { CaseEvent } from './case.events';

const calendar = new WorkingCalendar();
const decider = caseDecider(calendar);
const vn = (local: string) => new Date(`${local}+07:00`);
const dossierId = '5c3f7a2e-1b4d-4e6f-8a9b-0c1d2e3f4a5b';

type Opened = Extract<CaseEvent, { type: 'CaseOpened' }>['data'];
const received = (overrides: Partial<Opened['procedure']> = {}): Opened =>
  dossierReceived({
    dossierId,
    receivedAt: vn('2025-03-03T09:00').toISOString(),
    dueAt: vn('2025-03-17T09:00').toISOString(),
    procedure: procedureSnapshot({ code: 'SAMPLE.0002', eResultAllowed: true, ...overrides }),
  });

/** Given events, when commands in turn: the events each produced, or its error code. */
function run(history: CaseEvent[], ...commands: CaseCommand[]) {
  let state = history.reduce(decider.evolve, decider.initialState);
  const outcomes: (CaseEvent[] | string)[] = [];
  for (const command of commands) {
    try {
      const events = decider.decide(command, state);
      state = events.reduce(decider.evolve, state);
      outcomes.push(events);
    } catch (error) {
      outcomes.push((error as { code: string }).code);
    }
  }
  return { outcomes, state };
}

const opened = (overrides: Partial<Opened['procedure']> = {}) => decider.decide({ type: 'OpenCase', received: received(overrides) }, decider.initialState);
const result = { documentId: 'doc-result-1', name: 'Giấy chứng nhận' };
const resolve = (local: string): CaseCommand => ({ type: 'Resolve', at: vn(local), outcome: 'APPROVED', resultDocuments: [result], decidedBy: 'leader-1' });
const types = (outcome: CaseEvent[] | string) => (typeof outcome === 'string' ? outcome : outcome.map((e) => e.type));
const dataOf = <T extends CaseEvent['type']>(outcome: CaseEvent[] | string, type: T) =>
  (outcome as CaseEvent[]).find((e): e is Extract<CaseEvent, { type: T }> => e.type === type)?.data;

describe('handling case decider', () => {
  it('opens a case at the first agency, once', () => {
    const { outcomes } = run([], { type: 'OpenCase', received: received() }, { type: 'OpenCase', received: received() });
    expect(outcomes.map(types)).toEqual([['CaseOpened', 'CaseAssigned'], []]);
    expect(dataOf(outcomes[0], 'CaseAssigned')).toMatchObject({ agency: 'H56.22', step: 1 });
  });

  it('waits for payment from reception when the procedure says pay first, and moves the due date by the wait', () => {
    const { outcomes, state } = run([], { type: 'OpenCase', received: received({ payFirst: true }) }, { type: 'RecordPayment', at: vn('2025-03-04T09:00') });
    expect(types(outcomes[0])).toEqual(['CaseOpened', 'CaseAssigned', 'ProcessingPaused']);
    expect(dataOf(outcomes[1], 'ProcessingResumed')).toMatchObject({ reason: 'AWAITING_PAYMENT', pausedWorkingMinutes: 450, dueAt: vn('2025-03-18T09:00').toISOString() });
    expect(state.supplementRequests).toBe(0);
  });

  it("counts in the office hours the dossier was received under, not the code's defaults", () => {
    const eightHours = { holidayTable: 'VN-2024-2027.1', officeHours: [{ start: '07:00', end: '11:00' }, { start: '13:00', end: '17:00' }] };
    const inOwnHours = { ...received({ payFirst: true }), calendar: eightHours };
    const { outcomes } = run([], { type: 'OpenCase', received: inOwnHours }, { type: 'RecordPayment', at: vn('2025-03-04T09:00') });
    // A day of that unit's office time is 8 hours: the due date moves by 480 working minutes, to 07:00 + 8 h the next day.
    expect(dataOf(outcomes[1], 'ProcessingResumed')).toMatchObject({ pausedWorkingMinutes: 480, dueAt: vn('2025-03-18T09:00').toISOString() });
    const unknown = { ...received(), calendar: { ...eightHours, holidayTable: 'VN-1999.1' } };
    expect(() => decider.decide({ type: 'OpenCase', received: unknown }, decider.initialState)).toThrow('No holiday table VN-1999.1 is known');
  });

  it('hands off along the agencies, charging each the working time it spent', () => {
    const { outcomes } = run(opened(), { type: 'HandOff', at: vn('2025-03-05T09:00') }, { type: 'HandOff', at: vn('2025-03-06T09:00') }, { type: 'HandOff', at: vn('2025-03-07T09:00') });
    expect(dataOf(outcomes[0], 'CaseHandedOff')).toMatchObject({ fromAgency: 'H56.22', toAgency: 'H56.10', workingMinutesSpent: 900 });
    expect(dataOf(outcomes[1], 'CaseAssigned')).toMatchObject({ agency: 'H56.30', step: 3 });
    expect(outcomes[2]).toBe('CASE.NO_NEXT_AGENCY');
  });

  it('charges the deciding agency its time at the decision, so the shares of all agencies add up to the working time', () => {
    const { outcomes, state } = run(
      opened(),
      { type: 'HandOff', at: vn('2025-03-03T10:00') },
      { type: 'RequestSupplement', at: vn('2025-03-03T14:00'), requestId: 'r1', missing: ['Bản đồ thửa đất'], officerId: 'o1' },
      { type: 'ResumeAfterSupplement', at: vn('2025-03-04T14:00') },
      { type: 'HandOff', at: vn('2025-03-04T15:00') },
      resolve('2025-03-05T08:30'),
    );
    // 09:00–10:00; 10:00–11:30 and 13:30–14:00, then 14:00–15:00 after the pause; 15:00–17:00 and 07:30–08:30.
    expect(dataOf(outcomes[0], 'CaseHandedOff')).toMatchObject({ fromAgency: 'H56.22', workingMinutesSpent: 60 });
    expect(dataOf(outcomes[3], 'CaseHandedOff')).toMatchObject({ fromAgency: 'H56.10', workingMinutesSpent: 180 });
    expect(dataOf(outcomes[4], 'DossierResolved')).toMatchObject({ pausedWorkingMinutes: 450, decidingStep: { agency: 'H56.30', step: 3, workingMinutesSpent: 180 } });
    expect(state.agencyShares).toEqual([
      { step: 1, agency: 'H56.22', workingMinutes: 60 },
      { step: 2, agency: 'H56.10', workingMinutes: 180 },
      { step: 3, agency: 'H56.30', workingMinutes: 180 },
    ]);
    const working = calendar.elapsedWorkingMinutes(vn('2025-03-03T09:00'), vn('2025-03-05T08:30'), [{ from: vn('2025-03-03T14:00'), to: vn('2025-03-04T14:00') }]);
    expect(state.agencyShares.reduce((sum, share) => sum + share.workingMinutes, 0)).toBe(working);
  });

  it('rounds the running total, not each share, so shares of fractional minutes still add up', () => {
    const seconds = (local: string, s: number) => new Date(vn(local).getTime() + s * 1000);
    const { outcomes, state } = run(
      opened(),
      { type: 'HandOff', at: seconds('2025-03-03T09:00', 30) },
      { type: 'HandOff', at: seconds('2025-03-03T09:01', 0) },
      { type: 'Resolve', at: seconds('2025-03-03T09:01', 30), outcome: 'APPROVED', resultDocuments: [result], decidedBy: 'leader-1' },
    );
    // Half a minute each: rounded one by one they would make 3 minutes of a 1.5-minute case.
    expect(dataOf(outcomes[0], 'CaseHandedOff')).toMatchObject({ workingMinutesSpent: 1 });
    expect(dataOf(outcomes[1], 'CaseHandedOff')).toMatchObject({ workingMinutesSpent: 0 });
    expect(dataOf(outcomes[2], 'DossierResolved')).toMatchObject({ decidingStep: { workingMinutesSpent: 1 } });
    expect(state.agencyShares.reduce((sum, share) => sum + share.workingMinutes, 0)).toBe(Math.round(calendar.workingMinutesBetween(vn('2025-03-03T09:00'), seconds('2025-03-03T09:01', 30))));
  });

  it('names the single agency of a one-agency case as the deciding step', () => {
    const { outcomes } = run(opened({ agencies: ['H56.22'] }), resolve('2025-03-04T09:00'));
    expect(dataOf(outcomes[0], 'DossierResolved')).toMatchObject({ decidingStep: { agency: 'H56.22', step: 1, workingMinutesSpent: 450 } });
  });

  it('does not charge an agency for the time the applicant took to supplement', () => {
    const { outcomes } = run(
      opened(),
      { type: 'RequestSupplement', at: vn('2025-03-03T10:00'), requestId: 'r1', missing: ['Bản đồ thửa đất'], officerId: 'o1' },
      { type: 'ResumeAfterSupplement', at: vn('2025-03-04T10:00') },
      { type: 'HandOff', at: vn('2025-03-05T09:00') },
    );
    expect(dataOf(outcomes[2], 'CaseHandedOff')).toMatchObject({ workingMinutesSpent: 900 - 450 });
  });

  it('stops the clock during a supplement: resolved in the moved time, the dossier is on time', () => {
    const { outcomes } = run(
      opened(),
      { type: 'RequestSupplement', at: vn('2025-03-04T09:00'), requestId: 'r1', missing: ['Bản đồ thửa đất'], officerId: 'o1' },
      { type: 'ResumeAfterSupplement', at: vn('2025-03-06T09:00') },
      resolve('2025-03-18T16:00'),
    );
    expect(types(outcomes[0])).toEqual(['SupplementRequested', 'ProcessingPaused']);
    expect(dataOf(outcomes[1], 'ProcessingResumed')).toMatchObject({ pausedWorkingMinutes: 900, dueAt: vn('2025-03-19T09:00').toISOString() });
    expect(dataOf(outcomes[2], 'DossierResolved')).toMatchObject({ onTime: true, supplementCount: 1, pausedWorkingMinutes: 900 });
  });

  it('makes a dossier late after a second supplement request, however quick (766)', () => {
    const request = (n: number, local: string): CaseCommand => ({ type: 'RequestSupplement', at: vn(local), requestId: `r${n}`, missing: ['x'], officerId: 'o1' });
    const { outcomes } = run(
      opened(),
      request(1, '2025-03-04T09:00'),
      { type: 'ResumeAfterSupplement', at: vn('2025-03-04T10:00') },
      request(2, '2025-03-05T09:00'),
      { type: 'ResumeAfterSupplement', at: vn('2025-03-05T10:00') },
      resolve('2025-03-06T09:00'),
    );
    expect(dataOf(outcomes[2], 'SupplementRequested')).toMatchObject({ sequence: 2 });
    expect(dataOf(outcomes[4], 'DossierResolved')).toMatchObject({ onTime: false, supplementCount: 2 });
  });

  it('refuses to resolve, hand off or pause again a paused case', () => {
    const { outcomes } = run(
      opened(),
      { type: 'RequestSupplement', at: vn('2025-03-04T09:00'), requestId: 'r1', missing: ['x'], officerId: 'o1' },
      resolve('2025-03-05T09:00'),
      { type: 'HandOff', at: vn('2025-03-05T09:00') },
      { type: 'RequestSupplement', at: vn('2025-03-05T09:00'), requestId: 'r2', missing: ['y'], officerId: 'o1' },
    );
    expect(outcomes.slice(1)).toEqual(['CASE.PAUSED', 'CASE.PAUSED', 'CASE.PAUSED']);
  });

  it("resumes only on the desk's answer to the pending request; other supplements change nothing", () => {
    const resumeAt = (local: string, requestId?: string): CaseCommand => ({ type: 'ResumeAfterSupplement', at: vn(local), requestId });
    const { outcomes, state } = run(
      opened(),
      resumeAt('2025-03-04T08:00'),
      { type: 'RequestSupplement', at: vn('2025-03-04T09:00'), requestId: 'r1', missing: ['x'], officerId: 'o1' },
      resumeAt('2025-03-05T09:00', 'r0'),
      resumeAt('2025-03-05T09:00', 'r1'),
      resumeAt('2025-03-06T09:00', 'r1'),
    );
    expect(outcomes.map(types)).toEqual([[], ['SupplementRequested', 'ProcessingPaused'], [], ['ProcessingResumed'], []]);
    expect(state).toMatchObject({ status: 'OPEN', pausedWorkingMinutes: 450, pendingSupplementRequestId: undefined });
  });

  it('takes an answer naming no request as the answer to the pending one', () => {
    const { outcomes } = run(
      opened(),
      { type: 'RequestSupplement', at: vn('2025-03-04T09:00'), requestId: 'r1', missing: ['x'], officerId: 'o1' },
      { type: 'ResumeAfterSupplement', at: vn('2025-03-04T10:00') },
    );
    expect(dataOf(outcomes[1], 'ProcessingResumed')).toMatchObject({ reason: 'SUPPLEMENT', pausedWorkingMinutes: 60 });
  });

  it('ignores a supplement before reception (a desk return) and after the case closed', () => {
    expect(run([], { type: 'ResumeAfterSupplement', at: vn('2025-03-04T10:00') }).outcomes).toEqual([[]]);
    const { outcomes } = run(
      opened(),
      { type: 'RequestSupplement', at: vn('2025-03-04T09:00'), requestId: 'r1', missing: ['x'], officerId: 'o1' },
      { type: 'StopProcessing', at: vn('2025-03-05T09:00'), reason: 'Người nộp không bổ sung', decidedBy: 'leader-1' },
      { type: 'ResumeAfterSupplement', at: vn('2025-03-06T09:00'), requestId: 'r1' },
    );
    expect(outcomes.map(types)).toEqual([['SupplementRequested', 'ProcessingPaused'], ['ProcessingStopped'], []]);
  });

  it('assigns the current step to a department and officer without restarting its clock', () => {
    const assign = (local: string, officerId: string): CaseCommand => ({ type: 'Assign', at: vn(local), department: 'phong-dang-ky', officerId });
    const { outcomes, state } = run(opened(), assign('2025-03-04T09:00', 'o1'), assign('2025-03-04T10:00', 'o2'), { type: 'HandOff', at: vn('2025-03-05T09:00') });
    expect(dataOf(outcomes[0], 'CaseAssigned')).toEqual({ dossierId, assignedAt: vn('2025-03-04T09:00').toISOString(), agency: 'H56.22', step: 1, department: 'phong-dang-ky', officerId: 'o1' });
    expect(dataOf(outcomes[2], 'CaseHandedOff')).toMatchObject({ fromAgency: 'H56.22', workingMinutesSpent: 900 });
    expect(state).toMatchObject({ step: 2, agency: 'H56.10', department: undefined, officerId: undefined });
  });

  it('refuses to assign a finished case', () => {
    const { outcomes } = run(opened(), resolve('2025-03-05T09:00'), { type: 'Assign', at: vn('2025-03-06T09:00'), department: 'd', officerId: 'o1' });
    expect(outcomes[1]).toBe('CASE.FINISHED');
  });

  it('needs a result document to approve a procedure that returns one, and the written notice to deny', () => {
    const decide = (outcome: 'APPROVED' | 'DENIED', returnsDocument: boolean, resultDocuments: { documentId: string; name: string }[]) =>
      run(opened({ returnsDocument }), { type: 'Resolve', at: vn('2025-03-05T09:00'), outcome, resultDocuments, decidedBy: 'leader-1' }).outcomes[0];
    expect(decide('APPROVED', true, [])).toBe('CASE.RESULT_DOCUMENT_REQUIRED');
    expect(decide('DENIED', false, [])).toBe('CASE.RESULT_DOCUMENT_REQUIRED');
    expect(types(decide('APPROVED', false, []))).toEqual(['DossierResolved']);
    expect(dataOf(decide('DENIED', true, [result]), 'DossierResolved')).toMatchObject({ outcome: 'DENIED', resultDocuments: [result] });
  });

  it('moves the due date only for an extension approved before it', () => {
    const extend = (local: string): CaseCommand => ({ type: 'ExtendDeadline', at: vn(local), by: { value: 3, unit: 'WORKING_DAYS' }, reason: 'Cần xác minh thực địa', approvedBy: 'leader-1' });
    const before = run(opened(), extend('2025-03-14T09:00'), resolve('2025-03-19T09:00'));
    expect(dataOf(before.outcomes[0], 'DeadlineExtended')).toMatchObject({ previousDueAt: vn('2025-03-17T09:00').toISOString(), dueAt: vn('2025-03-20T09:00').toISOString() });
    expect(dataOf(before.outcomes[1], 'DossierResolved')).toMatchObject({ onTime: true });
    const after = run(opened(), extend('2025-03-17T10:00'), resolve('2025-03-19T09:00'));
    expect(after.outcomes[0]).toBe('CASE.EXTENSION_AFTER_DUE_DATE');
    expect(dataOf(after.outcomes[1], 'DossierResolved')).toMatchObject({ onTime: false });
  });

  it('carries the terms issuance needs on the resolution', () => {
    const { outcomes } = run(opened(), resolve('2025-03-10T09:00'));
    expect(dataOf(outcomes[0], 'DossierResolved')).toMatchObject({
      code: 'H56.22-250303-0007',
      outcome: 'APPROVED',
      channel: 'ONLINE',
      delivery: 'ONLINE',
      applicantRef: 'a'.repeat(64),
      procedureCode: 'SAMPLE.0002',
      eResultAllowed: true,
      returnsDocument: true,
      onTime: true,
      // Issuance serves the result to the portal that submitted the dossier, and to no other.
      portal: 'test-portal',
    });
  });

  it('closes on stop or withdrawal; later commands are refused, late payments ignored', () => {
    const stopped = run(opened(), { type: 'StopProcessing', at: vn('2025-03-05T09:00'), reason: 'Người nộp đề nghị dừng', decidedBy: 'leader-1' }, resolve('2025-03-06T09:00'), {
      type: 'RecordPayment',
      at: vn('2025-03-06T09:00'),
    });
    expect(stopped.outcomes.map(types)).toEqual([['ProcessingStopped'], 'CASE.FINISHED', []]);
    const withdrawn = run(opened(), { type: 'Withdraw', at: vn('2025-03-05T09:00') }, { type: 'Withdraw', at: vn('2025-03-05T10:00') });
    expect(withdrawn.outcomes.map(types)).toEqual([['CaseWithdrawn'], []]);
  });

  it('reminds once when due soon, records overdue with one apology, and never moves the due date', () => {
    const check = (local: string): CaseCommand => ({ type: 'CheckDeadline', at: vn(local), dueSoonWithinMinutes: 450 });
    const { outcomes, state } = run(opened(), check('2025-03-13T09:00'), check('2025-03-14T10:00'), check('2025-03-14T11:00'), check('2025-03-17T10:00'), check('2025-03-18T10:00'), resolve('2025-03-19T09:00'));
    expect(outcomes.slice(0, 5).map(types)).toEqual([[], ['DossierDueSoon'], [], ['DossierOverdue', 'ApologyIssued'], []]);
    expect(dataOf(outcomes[3], 'ApologyIssued')).toMatchObject({ dueAt: vn('2025-03-17T09:00').toISOString(), newAppointmentAt: vn('2025-03-24T10:00').toISOString() });
    // No one signed the letter the deadline check issued: the form leaves the signer's line blank.
    expect(dataOf(outcomes[3], 'ApologyIssued')).not.toHaveProperty('issuedBy');
    expect(state.dueAt).toBe(vn('2025-03-17T09:00').toISOString());
    expect(dataOf(outcomes[5], 'DossierResolved')).toMatchObject({ onTime: false, dueAt: vn('2025-03-17T09:00').toISOString() });
  });

  it('lets an officer apologise before the due date, once; overdue then adds no second letter', () => {
    const { outcomes } = run(
      opened(),
      { type: 'IssueApology', at: vn('2025-03-14T09:00'), reason: 'Chờ kết quả xác minh của cơ quan thuế', issuedBy: 'leader-1' },
      { type: 'IssueApology', at: vn('2025-03-14T10:00'), reason: 'again', issuedBy: 'leader-1' },
      { type: 'CheckDeadline', at: vn('2025-03-18T09:00'), dueSoonWithinMinutes: 0 },
    );
    expect(dataOf(outcomes[0], 'ApologyIssued')).toMatchObject({ newAppointmentAt: vn('2025-03-24T09:00').toISOString(), issuedBy: 'leader-1' });
    expect(outcomes[1]).toBe('CASE.APOLOGY_ALREADY_ISSUED');
    expect(types(outcomes[2])).toEqual(['DossierOverdue']);
  });

  it('does not fall due while paused', () => {
    const { outcomes } = run(
      opened(),
      { type: 'RequestSupplement', at: vn('2025-03-04T09:00'), requestId: 'r1', missing: ['x'], officerId: 'o1' },
      { type: 'CheckDeadline', at: vn('2025-04-01T09:00'), dueSoonWithinMinutes: 450 },
    );
    expect(outcomes[1]).toEqual([]);
  });

  it('knows no case before the dossier was received; a withdrawal then has nothing to close', () => {
    expect(run([], resolve('2025-03-05T09:00'), { type: 'Withdraw', at: vn('2025-03-05T09:00') }).outcomes).toEqual(['CASE.NOT_FOUND', []]);
  });

  describe('a reorganisation merging a unit the case passes through', () => {
    const transfer = (fromUnit: string, toUnit: string): CaseCommand => ({
      type: 'Transfer',
      transfer: { dossierId, transferredAt: vn('2025-07-01T00:00').toISOString(), fromUnit, toUnit, reorganisationId: 'TH-2025-07', effectiveAt: vn('2025-07-01T00:00').toISOString(), transitionEndsAt: vn('2025-07-15T00:00').toISOString() },
    });

    it('moves the desk, the current step and the steps to come to the successor, with due date and clock unchanged', () => {
      const { outcomes, state } = run(opened(), transfer('H56.22', 'H56.79'), { type: 'HandOff', at: vn('2025-03-05T09:00') });
      expect(types(outcomes[0])).toEqual(['CaseTransferred']);
      expect(state.opened?.unit).toBe('H56.79');
      expect(dataOf(outcomes[1], 'CaseHandedOff')).toMatchObject({ fromAgency: 'H56.79', toAgency: 'H56.10' });
      expect(state.dueAt).toBe(vn('2025-03-17T09:00').toISOString());
      expect(state.former).toEqual({ unit: 'H56.22', until: vn('2025-07-15T00:00').toISOString() });
    });

    it('moves a later step of a case at another agency, and hands off to the successor there', () => {
      const { outcomes, state } = run(opened(), transfer('H56.10', 'H56.79'), { type: 'HandOff', at: vn('2025-03-05T09:00') });
      expect(types(outcomes[0])).toEqual(['CaseTransferred']);
      expect(state.opened?.unit).toBe('H56.22');
      expect(dataOf(outcomes[1], 'CaseAssigned')).toMatchObject({ agency: 'H56.79', step: 2 });
    });

    it('changes nothing when repeated, for a case the unit has no part in, for a finished case or for none at all', () => {
      expect(run(opened(), transfer('H56.22', 'H56.79'), transfer('H56.22', 'H56.79')).outcomes.map(types)).toEqual([['CaseTransferred'], []]);
      expect(run(opened(), transfer('H56.99', 'H56.79')).outcomes).toEqual([[]]);
      expect(run([...opened(), ...decider.decide(resolve('2025-03-05T09:00'), run(opened()).state)], transfer('H56.22', 'H56.79')).outcomes).toEqual([[]]);
      expect(run([], transfer('H56.22', 'H56.79')).outcomes).toEqual([[]]);
    });
  });
});
