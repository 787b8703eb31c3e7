import { DossierCommand } from './dossier.commands';
import { dossierDecider } from './dossier.decider';
import { DossierEvent, DossierEventOf } from './dossier.events';

const dossierId = '7d0c8f6e-3f4c-4d8e-9a55-0d6f3b1c2a10';
const code = 'H56.22-251122-0042';
const at = '2025-11-22T02:00:00.000Z';
const submitted: DossierEventOf<'DossierSubmitted'>['data'] = {
  dossierId,
  code,
  submittedAt: at,
  channel: 'ONLINE',
  unit: 'H56.22',
  procedureCode: '1.001612',
  procedureVersion: 1,
  applicantRef: 'a'.repeat(64),
  applicantKind: 'INDIVIDUAL',
  components: [{ componentId: 'c1', name: 'Tờ khai', provenance: 'ELECTRONIC', documentId: 'doc-1' }],
  delivery: 'ONLINE',
};
const procedure: DossierEventOf<'DossierReceived'>['data']['procedure'] = {
  code: '1.001612',
  version: 1,
  name: 'Cấp Phiếu lý lịch tư pháp',
  field: 'Lý lịch tư pháp',
  level: 'PROVINCE',
  serviceLevel: 'FULL',
  processingTime: { value: 10, unit: 'WORKING_DAYS' },
  agencies: ['H56.10'],
  fees: [],
  payFirst: false,
  eResultAllowed: true,
  returnsDocument: true,
  refundRule: 'NONE',
};
const calendar = { holidayTable: 'VN-2024-2027.1', officeHours: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] };
const receive: DossierCommand = { type: 'Receive', receivedAt: at, dueAt: '2025-12-06T02:00:00.000Z', procedure, officerId: 'officer-1', calendar };
const received: DossierEventOf<'DossierReceived'>['data'] = {
  dossierId,
  code,
  receivedAt: at,
  dueAt: '2025-12-06T02:00:00.000Z',
  channel: 'ONLINE',
  unit: 'H56.22',
  applicantRef: 'a'.repeat(64),
  components: submitted.components,
  delivery: 'ONLINE',
  procedure,
  officerId: 'officer-1',
  calendar,
};
const returned: DossierEventOf<'DossierReturnedForSupplement'>['data'] = { dossierId, code, returnedAt: at, missing: ['Bản sao giấy khai sinh'], officerId: 'officer-1' };
const provided: DossierEventOf<'SupplementProvided'>['data'] = { dossierId, code, providedAt: at, components: submitted.components };
const rejected: DossierEventOf<'DossierRejected'>['data'] = { dossierId, code, rejectedAt: at, reason: 'Không thuộc thẩm quyền', officerId: 'officer-1' };
const withdrawn: DossierEventOf<'DossierWithdrawn'>['data'] = { dossierId, code, withdrawnAt: at };
const awaited: DossierEventOf<'SupplementAwaited'>['data'] = { dossierId, requestId: 'request-1', requestedAt: at, missing: ['Bản sao sổ đỏ'] };
const concluded: DossierEventOf<'ProcessingConcluded'>['data'] = { dossierId, concludedAt: at, how: 'RESOLVED' };

/** Given events, when a command, then events or an error code (emmett's DeciderSpecification). */
function given(...history: DossierEvent[]) {
  const state = history.reduce(dossierDecider.evolve, dossierDecider.initialState);
  return {
    when: (command: DossierCommand) => {
      try {
        return { events: dossierDecider.decide(command, state).map((e) => e.type), error: undefined };
      } catch (error) {
        return { events: [], error: (error as { code?: string }).code };
      }
    },
  };
}

const ev = {
  submitted: { type: 'DossierSubmitted', data: submitted } as const,
  received: { type: 'DossierReceived', data: received } as const,
  returned: { type: 'DossierReturnedForSupplement', data: returned } as const,
  provided: { type: 'SupplementProvided', data: provided } as const,
  rejected: { type: 'DossierRejected', data: rejected } as const,
  withdrawn: { type: 'DossierWithdrawn', data: withdrawn } as const,
  awaited: { type: 'SupplementAwaited', data: awaited } as const,
  concluded: { type: 'ProcessingConcluded', data: concluded } as const,
};
const { receivedAt, dueAt, officerId } = received;
const registerAtDesk: DossierCommand = { type: 'RegisterAtDesk', submitted: { ...submitted, channel: 'COUNTER' }, receivedAt, dueAt, procedure, officerId, calendar };

describe('dossier decider (reception desk)', () => {
  it.each<[string, DossierEvent[], DossierCommand, string[] | string]>([
    ['an online submission opens the dossier', [], { type: 'SubmitOnline', submitted }, ['DossierSubmitted']],
    ['a counter registration submits and receives at once', [], registerAtDesk, ['DossierSubmitted', 'DossierReceived']],
    ['the same id cannot be submitted twice', [ev.submitted], { type: 'SubmitOnline', submitted }, 'DOSSIER.ALREADY_EXISTS'],
    ['an unknown dossier cannot be received', [], receive, 'DOSSIER.NOT_FOUND'],
    ['a submitted dossier is received', [ev.submitted], receive, ['DossierReceived']],
    ['a received dossier cannot be received again', [ev.submitted, ev.received], receive, 'DOSSIER.ALREADY_RECEIVED'],
    ['a submitted dossier is returned for supplement', [ev.submitted], { type: 'ReturnForSupplement', returned }, ['DossierReturnedForSupplement']],
    ['a received dossier is not returned at the desk', [ev.submitted, ev.received], { type: 'ReturnForSupplement', returned }, 'DOSSIER.ILLEGAL_TRANSITION'],
    ['a returned dossier cannot be received before the supplement', [ev.submitted, ev.returned], receive, 'DOSSIER.ILLEGAL_TRANSITION'],
    ['the supplement brings it back for reception', [ev.submitted, ev.returned], { type: 'ProvideSupplement', provided }, ['SupplementProvided']],
    ['a resubmitted dossier is received', [ev.submitted, ev.returned, ev.provided], receive, ['DossierReceived']],
    ['the desk takes documents a department asked for', [ev.submitted, ev.received, ev.awaited], { type: 'ProvideSupplement', provided }, ['SupplementProvided']],
    ['a received dossier nobody asked documents for takes none', [ev.submitted, ev.received], { type: 'ProvideSupplement', provided }, 'DOSSIER.NO_SUPPLEMENT_AWAITED'],
    ['a request is answered once', [ev.submitted, ev.received, ev.awaited, ev.provided], { type: 'ProvideSupplement', provided }, 'DOSSIER.NO_SUPPLEMENT_AWAITED'],
    ['a supplement for a dossier not asked for one is refused', [ev.submitted], { type: 'ProvideSupplement', provided }, 'DOSSIER.ILLEGAL_TRANSITION'],
    ["processing's request is noted on a received dossier", [ev.submitted, ev.received], { type: 'AwaitSupplement', awaited }, ['SupplementAwaited']],
    ['news of a dossier intake never took is dropped', [], { type: 'AwaitSupplement', awaited }, []],
    ['a decision on a dossier intake never took is dropped', [], { type: 'NoteConclusion', concluded }, []],
    ['a request delivered twice is noted once', [ev.submitted, ev.received, ev.awaited], { type: 'AwaitSupplement', awaited }, []],
    ['a request for a withdrawn dossier is dropped, not refused', [ev.submitted, ev.received, ev.withdrawn], { type: 'AwaitSupplement', awaited }, []],
    ["processing's decision closes the dossier at the desk", [ev.submitted, ev.received], { type: 'NoteConclusion', concluded }, ['ProcessingConcluded']],
    ['a decision delivered twice is noted once', [ev.submitted, ev.received, ev.concluded], { type: 'NoteConclusion', concluded }, []],
    ['a decided dossier cannot be withdrawn', [ev.submitted, ev.received, ev.concluded], { type: 'Withdraw', withdrawn }, 'DOSSIER.CLOSED'],
    ['a decided dossier takes no supplement', [ev.submitted, ev.received, ev.awaited, ev.concluded], { type: 'ProvideSupplement', provided }, 'DOSSIER.CLOSED'],
    ['the applicant withdraws a submitted dossier', [ev.submitted], { type: 'Withdraw', withdrawn }, ['DossierWithdrawn']],
    ['a submitted dossier is rejected', [ev.submitted], { type: 'Reject', rejected }, ['DossierRejected']],
    ['a received dossier is not rejected at the desk', [ev.submitted, ev.received], { type: 'Reject', rejected }, 'DOSSIER.ILLEGAL_TRANSITION'],
    ['the applicant withdraws a received dossier', [ev.submitted, ev.received], { type: 'Withdraw', withdrawn }, ['DossierWithdrawn']],
    ['a withdrawn dossier takes no more changes', [ev.submitted, ev.withdrawn], receive, 'DOSSIER.CLOSED'],
    ['a rejected dossier cannot be withdrawn', [ev.submitted, ev.rejected], { type: 'Withdraw', withdrawn }, 'DOSSIER.CLOSED'],
  ])('%s', (_case, history, command, expected) => {
    const outcome = given(...history).when(command);
    if (typeof expected === 'string') expect(outcome).toEqual({ events: [], error: expected });
    else expect(outcome).toEqual({ events: expected, error: undefined });
  });

  it('builds the reception event from what was submitted and the reception facts', () => {
    const state = [ev.submitted].reduce(dossierDecider.evolve, dossierDecider.initialState);
    expect(dossierDecider.decide(receive, state)).toEqual([{ type: 'DossierReceived', data: received }]);
  });

  it('registers at the desk with the reception facts in one act', () => {
    const events = dossierDecider.decide(registerAtDesk, dossierDecider.initialState);
    expect(events[1]).toEqual({ type: 'DossierReceived', data: { ...received, channel: 'COUNTER' } });
  });

  it("answers the department's pending request by its id", () => {
    const state = [ev.submitted, ev.received, ev.awaited].reduce(dossierDecider.evolve, dossierDecider.initialState);
    expect(dossierDecider.decide({ type: 'ProvideSupplement', provided }, state)).toEqual([{ type: 'SupplementProvided', data: { ...provided, requestId: 'request-1' } }]);
  });

  it('receives the components as supplemented after a Mẫu 02 return', () => {
    const scan = { componentId: 'c2', name: 'Bản sao sổ hộ khẩu', provenance: 'PAPER' } as const;
    const replaced = { componentId: 'c1', name: 'Tờ khai (bản sửa)', provenance: 'ELECTRONIC', documentId: 'doc-2' } as const;
    const supplement: DossierEvent = { type: 'SupplementProvided', data: { ...provided, components: [replaced, scan] } };
    const state = [ev.submitted, ev.returned, supplement].reduce(dossierDecider.evolve, dossierDecider.initialState);
    const [event] = dossierDecider.decide(receive, state);
    expect(event).toEqual({ type: 'DossierReceived', data: { ...received, components: [replaced, scan] } });
  });

  it('counts supplements before reception apart from the legal clock', () => {
    const state = [ev.submitted, ev.returned, ev.provided].reduce(dossierDecider.evolve, dossierDecider.initialState);
    expect(state).toMatchObject({ status: 'SUBMITTED', code, unit: 'H56.22', supplementsBeforeReception: 1 });
  });
});
