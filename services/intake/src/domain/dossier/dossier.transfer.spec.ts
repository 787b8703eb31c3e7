import { DossierCommand } from './dossier.commands';
import { dossierDecider } from './dossier.decider';
import { DossierEvent, DossierEventOf } from './dossier.events';

const dossierId = '7d0c8f6e-3f4c-4d8e-9a55-0d6f3b1c2a10';
const code = '16276-250630-0007';
const at = '2025-06-30T02:00:00.000Z';
const submitted: DossierEventOf<'DossierSubmitted'>['data'] = {
  dossierId, code, submittedAt: at, channel: 'ONLINE', unit: '16276', procedureCode: '1.001193', procedureVersion: 1,
  applicantRef: 'a'.repeat(64), applicantKind: 'INDIVIDUAL', components: [{ componentId: 'c1', name: 'Tờ khai', provenance: 'ELECTRONIC', documentId: 'doc-1' }], delivery: 'ONLINE',
};
const procedure: DossierEventOf<'DossierReceived'>['data']['procedure'] = {
  code: '1.001193', version: 1, name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'COMMUNE', serviceLevel: 'FULL', processingTime: { value: 1, unit: 'WORKING_DAYS' },
  agencies: ['16276'], fees: [], payFirst: false, eResultAllowed: true, returnsDocument: true, refundRule: 'NONE',
};
const moved = { transferredAt: '2025-07-01T00:05:00.000Z', fromUnit: '16276', toUnit: '16279', reorganisationId: 'TH-2025-07', effectiveAt: '2025-06-30T17:00:00.000Z', transitionEndsAt: '2025-07-31T17:00:00.000Z' };
const transfer: DossierCommand = { type: 'Transfer', transfer: moved };
const receive: DossierCommand = { type: 'Receive', receivedAt: '2025-07-01T02:00:00.000Z', dueAt: '2025-07-02T02:00:00.000Z', procedure, officerId: 'officer-9', calendar: { holidayTable: 'VN-2024-2027.1', officeHours: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] } };
const concluded = (how: 'RESOLVED' | 'STOPPED'): DossierCommand => ({ type: 'NoteConclusion', concluded: { dossierId, concludedAt: at, how } });

/** Given events, when commands in turn: each command's events (or error code) and the state. */
function run(history: DossierEvent[], ...commands: DossierCommand[]) {
  let state = history.reduce(dossierDecider.evolve, dossierDecider.initialState);
  const outcomes = commands.map((command) => {
    try {
      const events = dossierDecider.decide(command, state);
      state = events.reduce(dossierDecider.evolve, state);
      return events;
    } catch (error) {
      return (error as { code: string }).code;
    }
  });
  return { outcomes, state };
}

const types = (outcome: DossierEvent[] | string) => (typeof outcome === 'string' ? outcome : outcome.map((e) => e.type));
const atDesk: DossierEvent[] = [{ type: 'DossierSubmitted', data: submitted }];
const inProcessing = [...atDesk, ...dossierDecider.decide(receive, atDesk.reduce(dossierDecider.evolve, dossierDecider.initialState))];

describe('a dossier moved by a reorganisation', () => {
  it('moves a submitted dossier to the successor, which then receives it at its own unit', () => {
    const { outcomes, state } = run(atDesk, transfer, receive);
    expect(outcomes[0]).toEqual([{ type: 'DossierTransferred', data: { dossierId, code, ...moved } }]);
    expect(state.unit).toBe('16279');
    expect(state.former).toEqual({ unit: '16276', until: '2025-07-31T17:00:00.000Z' });
    expect((outcomes[1] as DossierEvent[]).find((e) => e.type === 'DossierReceived')?.data).toMatchObject({ unit: '16279', code });
  });

  it.each([
    ['returned for a supplement', [...atDesk, { type: 'DossierReturnedForSupplement', data: { dossierId, code, returnedAt: at, missing: ['x'], officerId: 'o' } }], ['DossierTransferred']],
    ['in processing', inProcessing, ['DossierTransferred']],
    ['resolved, its result not yet delivered', [...inProcessing, { type: 'ProcessingConcluded', data: { dossierId, concludedAt: at, how: 'RESOLVED' } }], ['DossierTransferred']],
    ['rejected', [...atDesk, { type: 'DossierRejected', data: { dossierId, code, rejectedAt: at, reason: 'r', officerId: 'o' } }], []],
    ['withdrawn', [...atDesk, { type: 'DossierWithdrawn', data: { dossierId, code, withdrawnAt: at } }], []],
  ] as [string, DossierEvent[], string[]][])('a dossier %s is moved or left as it should be', (_state, history, expected) => {
    expect(run(history, transfer).outcomes.map(types)).toEqual([expected]);
  });

  it('leaves a stopped or completed dossier, a dossier of another unit and one already moved where they are', () => {
    expect(run(inProcessing, concluded('STOPPED'), transfer).outcomes.map(types)).toEqual([['ProcessingConcluded'], []]);
    const completion: DossierCommand = { type: 'NoteCompletion', completed: { dossierId, completedAt: at } };
    expect(run(inProcessing, concluded('RESOLVED'), completion, completion, transfer).outcomes.map(types)).toEqual([['ProcessingConcluded'], ['CompletionNoted'], [], []]);
    expect(run(inProcessing, transfer, transfer).outcomes.map(types)).toEqual([['DossierTransferred'], []]);
    const elsewhere: DossierCommand = { type: 'Transfer', transfer: { ...moved, fromUnit: '16282' } };
    expect(run(inProcessing, elsewhere).outcomes.map(types)).toEqual([[]]);
  });
});
