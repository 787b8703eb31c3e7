import { ProcessingTime, WorkingCalendar } from '@motcua/calendar';
import { dossierReceived, procedureSnapshot } from '@motcua/testing';
import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decider';
import type { CaseEvent } from './case.events';

const calendar = new WorkingCalendar();
const decider = caseDecider(calendar);
const vn = (local: string) => new Date(`${local}+07:00`);
const dossierId = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const result = { documentId: 'doc-result-1', name: 'Giấy chứng nhận' };

/** A pay-first case received at `receivedAt`, with the due date intake gives at reception. */
function openedAt(receivedAt: string, processingTime: ProcessingTime): CaseEvent[] {
  const received = dossierReceived({
    dossierId,
    receivedAt: vn(receivedAt).toISOString(),
    dueAt: calendar.dueAt(vn(receivedAt), processingTime)?.toISOString() ?? '',
    procedure: procedureSnapshot({ processingTime, payFirst: true }),
  });
  return decider.decide({ type: 'OpenCase', received }, decider.initialState);
}

function run(history: CaseEvent[], ...commands: CaseCommand[]): CaseEvent[] {
  let state = history.reduce(decider.evolve, decider.initialState);
  const produced: CaseEvent[] = [];
  for (const command of commands) {
    const events = decider.decide(command, state);
    state = events.reduce(decider.evolve, state);
    produced.push(...events);
  }
  return produced;
}

const dataOf = <T extends CaseEvent['type']>(events: CaseEvent[], type: T) =>
  events.filter((e) => e.type === type).map((e) => e.data as Extract<CaseEvent, { type: T }>['data']);

describe('the case clock keeps the due date given at reception', () => {
  it('keeps a due date at the morning close when a pay-first dossier received after hours is paid at once', () => {
    const history = openedAt('2025-03-03T18:00', { value: 4, unit: 'WORKING_HOURS' });
    expect(dataOf(history, 'CaseOpened')[0].dueAt).toBe(vn('2025-03-04T11:30').toISOString());
    const events = run(history, { type: 'RecordPayment', at: vn('2025-03-03T18:05') }, { type: 'Resolve', at: vn('2025-03-04T12:00'), outcome: 'APPROVED', resultDocuments: [result], decidedBy: 'leader-1' });
    expect(dataOf(events, 'ProcessingResumed')[0]).toMatchObject({ pausedWorkingMinutes: 0, dueAt: vn('2025-03-04T11:30').toISOString() });
    expect(dataOf(events, 'DossierResolved')[0]).toMatchObject({ dueAt: vn('2025-03-04T11:30').toISOString(), onTime: false });
  });

  it('keeps a due date at closing when the payment waited only through the lunch break', () => {
    const history = openedAt('2025-03-03T11:30', { value: 3.5, unit: 'WORKING_HOURS' });
    const events = run(history, { type: 'RecordPayment', at: vn('2025-03-03T13:30') });
    expect(dataOf(events, 'ProcessingResumed')[0]).toMatchObject({ pausedWorkingMinutes: 0, dueAt: vn('2025-03-03T17:00').toISOString() });
  });

  it('moves the due date by several pauses exactly as far as the calendar moves it by all of them at once', () => {
    const time: ProcessingTime = { value: 4, unit: 'WORKING_HOURS' };
    const pauses = [
      { from: '2025-03-03T09:00:00', to: '2025-03-03T09:00:20' },
      { from: '2025-03-03T10:00:00', to: '2025-03-03T10:00:20' },
      { from: '2025-03-03T11:00:00', to: '2025-03-03T11:30:20' },
    ];
    const history = openedAt('2025-03-03T07:30', time);
    const commands = pauses.flatMap((pause, i): CaseCommand[] => [
      { type: 'RequestSupplement', at: vn(pause.from), requestId: `r${i}`, missing: ['x'], officerId: 'o1' },
      { type: 'ResumeAfterSupplement', at: vn(pause.to) },
    ]);
    const events = run(history, { type: 'RecordPayment', at: vn('2025-03-03T07:30') }, ...commands);
    const atOnce = calendar.dueAt(vn('2025-03-03T07:30'), time, { pauses: pauses.map((p) => ({ from: vn(p.from), to: vn(p.to) })) });
    expect(dataOf(events, 'ProcessingResumed').at(-1)?.dueAt).toBe(atOnce?.toISOString());
  });
});
