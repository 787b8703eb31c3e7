import type { IndicatorId } from './indicator-catalogue';
import { at, due, facts } from './indicator-input.fixture';
import type { IndicatorInput } from './indicator-input';
import { contribution, type Contribution } from './indicator-rules';
import { periodOf } from './periods';

const march = periodOf(at('2025-03-15T12:00'), 'month');
const april = periodOf(at('2025-04-15T12:00'), 'month');
const later = at('2025-12-31T00:00');
const share = (numerator: 0 | 1): Contribution => ({ numerator, denominator: 1 });
const resolved = (local: string): Partial<IndicatorInput> => ({ resolvedAt: at(local), resolutionWorkingMinutes: 1800 });
const lastDayOfMarch: Partial<IndicatorInput> = {
  receivedAt: at('2025-03-31T16:00'),
  dueHistory: [due('2025-03-31T16:00', '2025-04-07T16:00')],
};

type Row = [string, IndicatorId, Partial<IndicatorInput>, Contribution | null, typeof march?];

describe('each indicator, one dossier, one period (March 2025 unless said)', () => {
  it.each<Row>([
    // §2.1 on time: finished on time, or unfinished and not yet due / to process in the period
    ['on_time: resolved on time in the period', 'on_time', resolved('2025-03-07T10:00'), share(1)],
    ['on_time: resolved exactly at the due instant', 'on_time', resolved('2025-03-10T08:00'), share(1)],
    ['on_time: resolved late in the period', 'on_time', resolved('2025-03-12T10:00'), share(0)],
    ['on_time: unfinished and past due at the period end', 'on_time', {}, share(0)],
    ['on_time: received on the last day, not yet due at the end of March', 'on_time', lastDayOfMarch, share(1)],
    ['on_time: the same dossier resolved on time in April counts in April', 'on_time', { ...lastDayOfMarch, ...resolved('2025-04-03T10:00') }, share(1), april],
    ['on_time: the same dossier resolved late in April', 'on_time', { ...lastDayOfMarch, ...resolved('2025-04-08T10:00') }, share(0), april],
    ['on_time: carried over from February and resolved in March', 'on_time', { receivedAt: at('2025-02-26T08:00'), dueHistory: [due('2025-02-26T08:00', '2025-03-05T08:00')], ...resolved('2025-03-04T08:00') }, share(1)],
    ['on_time: finished in February is not to process in March', 'on_time', { receivedAt: at('2025-02-20T08:00'), ...resolved('2025-02-25T08:00') }, null],
    ['on_time: received in April is not to process in March', 'on_time', { receivedAt: at('2025-04-01T08:00') }, null],
    ['on_time: rejected at the desk, never received', 'on_time', { receivedAt: null, rejectedAt: at('2025-03-03T09:00') }, null],
    ['on_time: withdrawn before the due date', 'on_time', { withdrawnAt: at('2025-03-05T09:00') }, share(1)],
    ['on_time: pending supplement requested before the due date', 'on_time', { supplementRequests: [{ requestedAt: at('2025-03-06T09:00'), answeredAt: null }] }, share(1)],
    ['on_time: two supplement requests', 'on_time', { supplementRequests: [{ requestedAt: at('2025-03-04T09:00'), answeredAt: at('2025-03-04T11:00') }, { requestedAt: at('2025-03-05T09:00'), answeredAt: null }] }, share(0)],
    // plain rate and late resolved: resolved in the period
    ['on_time_plain: resolved on time', 'on_time_plain', resolved('2025-03-07T10:00'), share(1)],
    ['on_time_plain: resolved late', 'on_time_plain', resolved('2025-03-12T10:00'), share(0)],
    ['on_time_plain: unfinished does not count', 'on_time_plain', {}, null],
    ['on_time_plain: withdrawn is not resolved', 'on_time_plain', { withdrawnAt: at('2025-03-05T09:00') }, null],
    ['late_resolved: resolved late', 'late_resolved', resolved('2025-03-12T10:00'), share(1)],
    ['late_resolved: resolved on time', 'late_resolved', resolved('2025-03-07T10:00'), share(0)],
    // §2.2: dossiers received in the period and resolved, in working minutes (units in the report)
    ['avg_resolution_time: received in March, resolved in April', 'avg_resolution_time', { ...lastDayOfMarch, ...resolved('2025-04-03T10:00') }, { numerator: 1800, denominator: 1 }],
    ['avg_resolution_time: not in April, where it was resolved', 'avg_resolution_time', { ...lastDayOfMarch, ...resolved('2025-04-03T10:00') }, null, april],
    ['avg_resolution_time: unresolved', 'avg_resolution_time', {}, null],
    // §3.3 online share
    ['online_share: online with an e-result', 'online_share', { channel: 'ONLINE', eResult: true }, share(1)],
    ['online_share: online, document returned on paper', 'online_share', { channel: 'ONLINE' }, share(0)],
    ['online_share: online, the procedure returns no document', 'online_share', { channel: 'ONLINE', returnsDocument: false }, share(1)],
    ['online_share: at the counter', 'online_share', { eResult: true }, share(0)],
    ['online_share: received in April', 'online_share', { channel: 'ONLINE', receivedAt: at('2025-04-01T00:00') }, null],
    ['online_share_plain: online, paper result', 'online_share_plain', { channel: 'ONLINE' }, share(1)],
    ['online_share_plain: by post', 'online_share_plain', { channel: 'POSTAL' }, share(0)],
    // §3.6 online payment
    ['online_payment: paid online', 'online_payment', { paidOnline: true }, share(1)],
    ['online_payment: paid in cash', 'online_payment', {}, share(0)],
    ['online_payment: fee-exempt online (fee came to 0) leaves the denominator', 'online_payment', { channel: 'ONLINE', feeAssessed: 0 }, null],
    ['online_payment: not yet assessed stays in it', 'online_payment', { feeAssessed: null }, share(0)],
    ['online_payment: a procedure without fees', 'online_payment', { feeBearing: false, feeAssessed: 0 }, null],
    // §4.1 e-result
    ['e_result: issued electronically', 'e_result', { eResult: true }, share(1)],
    ['e_result: paper result', 'e_result', {}, share(0)],
    ['e_result: procedure returns no document', 'e_result', { returnsDocument: false }, null],
    // §4.2 digitisation
    ['digitisation: every component electronic and an e-result', 'digitisation', { allElectronic: true, eResult: true }, share(1)],
    ['digitisation: every component electronic, e-result still missing', 'digitisation', { allElectronic: true }, share(0)],
    ['digitisation: e-result not allowed by the terms', 'digitisation', { allElectronic: true, eResultAllowed: false }, share(1)],
    ['digitisation: digitised, then a paper component: final state, counted once', 'digitisation', { allElectronic: false, eResult: true }, share(0)],
    // §4.3 data reuse
    ['data_reuse: a component reused', 'data_reuse', { reused: true }, share(1)],
    ['data_reuse: none reused', 'data_reuse', {}, share(0)],
    // counts at the period end
    ['in_progress: unfinished at the end', 'in_progress', {}, share(1)],
    ['in_progress: resolved in the period', 'in_progress', resolved('2025-03-07T10:00'), share(0)],
    ['overdue_in_progress: past due at the end', 'overdue_in_progress', {}, share(1)],
    ['overdue_in_progress: not yet due', 'overdue_in_progress', lastDayOfMarch, share(0)],
    ['overdue_in_progress: resolved before the end is not in progress', 'overdue_in_progress', resolved('2025-03-12T10:00'), null],
    ['due_soon: due within a working day of the end', 'due_soon', { ...lastDayOfMarch, dueHistory: [due('2025-03-31T16:00', '2025-04-01T16:00', '2025-03-31T16:00')] }, share(1)],
    ['due_soon: due later', 'due_soon', { ...lastDayOfMarch, dueHistory: [due('2025-03-31T16:00', '2025-04-07T16:00', '2025-04-04T16:00')] }, share(0)],
    ['due_soon: the clock stands still for a supplement', 'due_soon', { ...lastDayOfMarch, dueHistory: [due('2025-03-31T16:00', '2025-04-01T16:00', '2025-03-31T16:00')], supplementRequests: [{ requestedAt: at('2025-03-31T16:30'), answeredAt: null }] }, share(0)],
    ['due_soon: already overdue is not due soon', 'due_soon', {}, share(0)],
  ])('%s', (_case, id, overrides, expected, period = march) => {
    expect(contribution(id, facts(overrides), period, later)).toEqual(expected);
  });
});

describe('a past period does not move', () => {
  it.each<IndicatorId>(['on_time', 'in_progress', 'overdue_in_progress', 'due_soon'])('%s of March is the same before and after the dossier finishes late in May', (id) => {
    const open = facts(lastDayOfMarch);
    const finishedLate = { ...open, resolvedAt: at('2025-05-20T10:00'), resolutionWorkingMinutes: 9000, dueHistory: [...open.dueHistory, due('2025-04-04T10:00', '2025-04-10T10:00')] };
    expect(contribution(id, finishedLate, march, later)).toEqual(contribution(id, open, march, at('2025-04-05T00:00')));
  });
});

describe('a period still running is judged now', () => {
  it('counts a dossier not yet due today as on time, though it will be past due at the month end', () => {
    const today = at('2025-03-06T12:00');
    expect(contribution('on_time', facts(), march, today)).toEqual(share(1));
    expect(contribution('on_time', facts(), march, later)).toEqual(share(0));
  });

  it('has no figures for a period not begun', () => {
    expect(contribution('on_time', facts(), april, at('2025-03-20T00:00'))).toBeNull();
  });
});
