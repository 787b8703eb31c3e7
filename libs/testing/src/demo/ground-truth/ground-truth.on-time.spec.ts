import type { DemoDossier } from '../demo-dossier';
import { at, dossier, due, figuresOf, pick } from './demo-dossier.fixture';

type Expected = Record<string, [number, number] | null>;

// Default dossier: received Monday 3 March 2025 08:00, due Monday 10 March 08:00 (see the fixture).
const answered = (requested: string, answeredAt: string | null) => ({ requestedAt: at(requested), answeredAt: answeredAt === null ? null : at(answeredAt) });
const payFirst = (overrides: Partial<DemoDossier> = {}) =>
  dossier({
    receivedAt: at('2025-03-28T08:00'),
    dueHistory: [due('2025-03-28T08:00', '2025-04-01T08:00'), due('2025-04-03T08:00', '2025-04-08T08:00')],
    paymentWait: { from: at('2025-03-28T08:00'), until: at('2025-04-03T08:00') },
    resolvedAt: at('2025-04-04T15:00'),
    feeBearing: true,
    feeAssessed: 50_000,
    paidOnline: true,
    ...overrides,
  });

describe('the ground truth of the 766 §2.1 clock: on_time, on_time_plain, late_resolved, in_progress, overdue_in_progress, due_soon', () => {
  it.each<[string, DemoDossier, Expected]>([
    ['resolved exactly at the due instant is on time', dossier({ resolvedAt: at('2025-03-10T08:00') }), { '2025-03 on_time': [1, 1], '2025-03 on_time_plain': [1, 1], '2025-03 late_resolved': [0, 1], '2025-03 in_progress': [0, 1] }],
    ['resolved a minute after the due instant is late', dossier({ resolvedAt: at('2025-03-10T08:01') }), { '2025-03 on_time': [0, 1], '2025-03 on_time_plain': [0, 1], '2025-03 late_resolved': [1, 1] }],
    [
      'a supplement requested and answered within a day moves the due date, and resolving before the new one is on time',
      dossier({ supplementRequests: [answered('2025-03-05T09:00', '2025-03-06T08:00')], dueHistory: [due('2025-03-03T08:00', '2025-03-10T08:00'), due('2025-03-06T08:00', '2025-03-10T16:30')], resolvedAt: at('2025-03-10T15:00') }),
      { '2025-03 on_time': [1, 1], '2025-03 late_resolved': [0, 1] },
    ],
    [
      'two supplement requests make it late, even resolved before the due date',
      dossier({ supplementRequests: [answered('2025-03-04T09:00', '2025-03-04T10:00'), answered('2025-03-05T09:00', '2025-03-05T10:00')], resolvedAt: at('2025-03-07T10:00') }),
      { '2025-03 on_time': [0, 1], '2025-03 on_time_plain': [0, 1], '2025-03 late_resolved': [1, 1] },
    ],
    [
      'a supplement pending at the month end is judged at its request, before the due date: on time, and not due soon while the clock stands still',
      dossier({ supplementRequests: [answered('2025-03-05T09:00', null)] }),
      { '2025-03 on_time': [1, 1], '2025-03 in_progress': [1, 1], '2025-03 overdue_in_progress': [0, 1], '2025-03 due_soon': [0, 1], '2025-05 on_time': [1, 1] },
    ],
    ['a supplement requested after the due date and still pending is late', dossier({ supplementRequests: [answered('2025-03-12T09:00', null)] }), { '2025-03 on_time': [0, 1], '2025-03 overdue_in_progress': [1, 1] }],
    [
      'a supplement pending at the month end and answered in the next month is judged at its request in the first',
      dossier({ supplementRequests: [answered('2025-03-05T09:00', '2025-04-02T08:00')], dueHistory: [due('2025-03-03T08:00', '2025-03-10T08:00'), due('2025-04-02T08:00', '2025-05-08T08:00')] }),
      { '2025-03 on_time': [1, 1], '2025-04 on_time': [1, 1], '2025-04 due_soon': [0, 1], '2025-05 overdue_in_progress': [1, 1] },
    ],
    ['withdrawn with a supplement pending: finished, judged at the request', dossier({ supplementRequests: [answered('2025-03-05T09:00', null)], withdrawnAt: at('2025-03-20T09:00') }), { '2025-03 on_time': [1, 1], '2025-03 in_progress': [0, 1], '2025-03 on_time_plain': null }],
    ['stopped after the due date: in the month to process, late, and in no resolved population', dossier({ stoppedAt: at('2025-03-12T09:00') }), { '2025-03 on_time': [0, 1], '2025-03 late_resolved': null, '2025-03 avg_resolution_time': null }],
    ['a due date change recorded at the finish is known to it', dossier({ dueHistory: [due('2025-03-03T08:00', '2025-03-10T08:00'), due('2025-03-12T10:00', '2025-03-14T08:00')], resolvedAt: at('2025-03-12T10:00') }), { '2025-03 on_time': [1, 1] }],
    ['a due date change recorded at the very month end is not known at that end', dossier({ dueHistory: [due('2025-03-03T08:00', '2025-03-10T08:00'), due('2025-04-01T00:00', '2025-05-15T08:00')] }), { '2025-03 overdue_in_progress': [1, 1], '2025-04 overdue_in_progress': [0, 1] }],
    [
      'received on the last day of a month and resolved in the next: open in the first, backlog in the second, averaged in the month of reception',
      dossier({ receivedAt: at('2025-02-28T16:00'), dueHistory: [due('2025-02-28T16:00', '2025-03-07T16:00')], resolvedAt: at('2025-03-04T10:00') }),
      { '2025-02 on_time': [1, 1], '2025-02 in_progress': [1, 1], '2025-02 avg_resolution_time': [660 / 450, 1], '2025-02 on_time_plain': null, '2025-03 on_time': [1, 1], '2025-03 in_progress': [0, 1], '2025-03 on_time_plain': [1, 1], '2025-03 avg_resolution_time': null, '2025-03 online_share_plain': null },
    ],
    ['finished before a month starts: not in that month to process', dossier({ resolvedAt: at('2025-03-07T10:00') }), { '2025-04 on_time': null, '2025-04 in_progress': null }],
    ['resolved exactly at the month end: open at that end, resolved in the next month', dossier({ resolvedAt: at('2025-04-01T00:00') }), { '2025-03 in_progress': [1, 1], '2025-03 overdue_in_progress': [1, 1], '2025-03 late_resolved': null, '2025-04 late_resolved': [1, 1] }],
    [
      'a pay-first wait spanning the month end: the clock stands still at the end (judged at the wait start, not due soon), then the finish is judged with the due date it moved',
      payFirst(),
      { '2025-03 on_time': [1, 1], '2025-03 due_soon': [0, 1], '2025-03 overdue_in_progress': [0, 1], '2025-04 on_time': [1, 1], '2025-04 on_time_plain': [1, 1], '2025-03 online_payment': [1, 1] },
    ],
    ['the same dossier with no wait is due soon at the month end (30 office minutes left)', payFirst({ paymentWait: null, resolvedAt: null }), { '2025-03 due_soon': [1, 1], '2025-04 overdue_in_progress': [1, 1] }],
    // 31 May 2025 is a Saturday: from the month end, Monday 2 June holds the next 450 office minutes.
    ['due soon: a whole working day away at most, counted in office time from the month end', dossier({ receivedAt: at('2025-05-26T08:00'), dueHistory: [due('2025-05-26T08:00', '2025-06-02T17:00')] }), { '2025-05 due_soon': [1, 1], '2025-05 overdue_in_progress': [0, 1] }],
    ['not due soon one office minute further', dossier({ receivedAt: at('2025-05-26T08:00'), dueHistory: [due('2025-05-26T08:00', '2025-06-03T07:31')] }), { '2025-05 due_soon': [0, 1], '2025-05 on_time': [1, 1] }],
  ])('%s', (_name, d, expected) => {
    expect(pick(figuresOf([d]), Object.keys(expected))).toEqual(expected);
  });

  // The clock's figures only: January's average gains the dossier once resolved, as it belongs to the month of reception.
  it("keeps January's clock figures when a dossier open at January's end finishes late in February", () => {
    const open = dossier({ receivedAt: at('2025-01-20T08:00'), dueHistory: [due('2025-01-20T08:00', '2025-02-10T08:00')] });
    const finishedLate = { ...open, resolvedAt: at('2025-02-12T10:00') };
    const clock = ['on_time', 'in_progress', 'overdue_in_progress', 'due_soon', 'on_time_plain', 'late_resolved'];
    const january = (figures: Record<string, [number, number]>) => pick(figures, clock.map((id) => `2025-01 ${id}`));
    const before = figuresOf([open], { asOf: new Date(at('2025-02-01T12:00')) });
    const after = figuresOf([finishedLate]);
    expect(pick(before, ['2025-01 on_time', '2025-01 in_progress'])).toEqual({ '2025-01 on_time': [1, 1], '2025-01 in_progress': [1, 1] });
    expect(january(after)).toEqual(january(before));
    expect(pick(after, ['2025-02 on_time', '2025-02 late_resolved'])).toEqual({ '2025-02 on_time': [0, 1], '2025-02 late_resolved': [1, 1] });
  });

  it('judges a month still running at asOf', () => {
    const d = dossier();
    expect(pick(figuresOf([d], { asOf: new Date(at('2025-03-15T12:00')) }), ['2025-03 on_time', '2025-03 overdue_in_progress', '2025-04 on_time'])).toEqual({ '2025-03 on_time': [0, 1], '2025-03 overdue_in_progress': [1, 1], '2025-04 on_time': null });
    // Friday 7 March 12:00: 210 office minutes that afternoon and 30 on Monday before the due date.
    expect(pick(figuresOf([d], { asOf: new Date(at('2025-03-07T12:00')) }), ['2025-03 on_time', '2025-03 due_soon'])).toEqual({ '2025-03 on_time': [1, 1], '2025-03 due_soon': [1, 1] });
  });

  it('counts no dossier that was never received: rejected at the desk, withdrawn before reception', () => {
    const rejected = dossier({ receivedAt: null, rejectedAt: at('2025-03-03T09:00') });
    const withdrawn = dossier({ receivedAt: null, withdrawnAt: at('2025-03-04T09:00'), channel: 'ONLINE' });
    expect(figuresOf([rejected, withdrawn])).toEqual({});
  });
});
