import type { DemoDossier } from '../demo-dossier';
import { at, AFTER_MAY, dossier, due, figuresOf, pick } from './demo-dossier.fixture';
import { groundTruth } from './ground-truth';

type Expected = Record<string, [number, number] | null>;

const online = (overrides: Partial<DemoDossier> = {}) => dossier({ channel: 'ONLINE', ...overrides });
const withDocument = { returnsDocument: true, eResultAllowed: true };
const fee = (feeAssessed: number | null, paidOnline: boolean) => ({ feeBearing: true, feeAssessed, paidOnline });
// Received Monday 3 March 08:00 (the fixture), resolved Tuesday 4 March 10:00: 420 + 150 office minutes.
const resolvedNextDay = { resolvedAt: at('2025-03-04T10:00') };
// 120 office minutes in the applicant's hands (Monday 13:30 to 15:30), and a pay-first wait of the whole 570.
const supplementOf120 = { supplementRequests: [{ requestedAt: at('2025-03-03T13:30'), answeredAt: at('2025-03-03T15:30') }] };
const paymentWaitOf570 = { paymentWait: { from: at('2025-03-03T08:00'), until: at('2025-03-04T10:00') } };

describe('the ground truth of the rates over dossiers received in the month, and of the average resolution time', () => {
  it.each<[string, DemoDossier[], Expected]>([
    ['online share: online without a document to return counts; the plain share counts every online intake', [online(), dossier()], { '2025-03 online_share': [1, 2], '2025-03 online_share_plain': [1, 2] }],
    ['online share: an online intake whose document came on paper is online in the plain share only', [online(withDocument), online({ ...withDocument, eResult: true })], { '2025-03 online_share': [1, 2], '2025-03 online_share_plain': [2, 2] }],
    [
      'online payment: a fee-bearing procedure whose fee an online exemption took to 0 leaves the denominator; a bill not known stays; no fee, no population',
      [online(fee(0, false)), online(fee(50_000, true)), dossier(fee(50_000, false)), dossier(fee(null, false)), dossier()],
      { '2025-03 online_payment': [1, 3] },
    ],
    ['online payment: only exempt dossiers, no figure', [online(fee(0, false))], { '2025-03 online_payment': null }],
    ['e-result: only procedures that return a document', [dossier(), dossier({ ...withDocument, eResult: true }), dossier(withDocument)], { '2025-03 e_result': [1, 2] }],
    [
      'digitisation: a paper component later is not digitised; a required e-result must be there; a document without e-results allowed needs none',
      [dossier({ allElectronic: false }), dossier(withDocument), dossier({ ...withDocument, eResult: true }), dossier({ returnsDocument: true, eResultAllowed: false }), dossier()],
      { '2025-03 digitisation': [3, 5] },
    ],
    ['data reuse', [dossier({ reused: true }), dossier(), dossier()], { '2025-03 data_reuse': [1, 3] }],
    ['received in one month: counted there only, whatever month it is resolved in', [dossier({ receivedAt: at('2025-02-27T09:00'), dueHistory: [due('2025-02-27T09:00', '2025-03-06T09:00')], resolvedAt: at('2025-03-03T09:00'), reused: true })], { '2025-02 data_reuse': [1, 1], '2025-03 data_reuse': null }],
    ['average resolution time: office minutes less the supplement waits, in working days of 450 minutes', [dossier({ ...resolvedNextDay, ...supplementOf120 })], { '2025-03 avg_resolution_time': [1, 1] }],
    ['average resolution time: a group of hour-procedures is stated in hours', [dossier({ ...resolvedNextDay, processingTimeUnit: 'WORKING_HOURS', ...supplementOf120 })], { '2025-03 avg_resolution_time': [7.5, 1] }],
    [
      'average resolution time: a group mixing day- and hour-procedures is stated in days; an unresolved dossier is not averaged',
      [dossier({ ...resolvedNextDay, ...supplementOf120 }), dossier({ ...resolvedNextDay, processingTimeUnit: 'WORKING_HOURS', ...paymentWaitOf570 }), dossier()],
      { '2025-03 avg_resolution_time': [1, 2] },
    ],
    ['average resolution time: a stopped dossier is not resolved', [dossier({ stoppedAt: at('2025-03-04T10:00') })], { '2025-03 avg_resolution_time': null }],
    [
      'average resolution time over a holiday: office time only (Tết 27–31 January 2025 and the weekends around it)',
      [dossier({ receivedAt: at('2025-01-24T16:00'), dueHistory: [due('2025-01-24T16:00', '2025-02-05T16:00')], resolvedAt: at('2025-02-03T08:30') })],
      { '2025-01 avg_resolution_time': [120 / 450, 1], '2025-02 avg_resolution_time': null },
    ],
  ])('%s', (_name, dossiers, expected) => {
    expect(pick(figuresOf(dossiers), Object.keys(expected))).toEqual(expected);
  });

  it('states the unit of an average beside it', () => {
    const days = dossier({ ...resolvedNextDay });
    const hours = dossier({ ...resolvedNextDay, unit: 'H56.23', processingTimeUnit: 'WORKING_HOURS' });
    const averages = groundTruth([days, hours], { from: '2025-03', to: '2025-03', asOf: AFTER_MAY }).filter((f) => f.indicator === 'avg_resolution_time');
    expect(averages).toEqual([
      { period: '2025-03', unit: 'H56.22', indicator: 'avg_resolution_time', numerator: 570 / 450, denominator: 1, timeUnit: 'WORKING_DAYS' },
      { period: '2025-03', unit: 'H56.23', indicator: 'avg_resolution_time', numerator: 9.5, denominator: 1, timeUnit: 'WORKING_HOURS' },
    ]);
  });

  it('groups by the receiving unit, and gives only figures with a population', () => {
    const dossiers = [dossier(), dossier({ unit: 'H56.23', channel: 'ONLINE' }), dossier({ unit: 'H56.23' })];
    const figures = groundTruth(dossiers, { from: '2025-01', to: '2025-05', asOf: AFTER_MAY });
    expect(pick(figuresOf(dossiers, { unit: 'H56.23' }), ['2025-03 online_share_plain'])).toEqual({ '2025-03 online_share_plain': [1, 2] });
    expect(pick(figuresOf(dossiers), ['2025-03 online_share_plain'])).toEqual({ '2025-03 online_share_plain': [0, 1] });
    expect(figures.every((f) => f.denominator > 0)).toBe(true);
    expect(new Set(figures.map((f) => f.period))).toEqual(new Set(['2025-03', '2025-04', '2025-05']));
    expect(figures.filter((f) => f.period === '2025-03' && f.unit === 'H56.22').map((f) => f.indicator).sort()).toEqual(
      ['data_reuse', 'digitisation', 'due_soon', 'in_progress', 'on_time', 'online_share', 'online_share_plain', 'overdue_in_progress'].sort(),
    );
  });
});
