import { onTimeAtPeriodEnd, onTimeVerdict } from './on-time';

const at = (local: string) => new Date(`${local}+07:00`);

describe('on-time verdict (Decision 766)', () => {
  it.each([
    ['finished before the due date', '2025-03-10T09:00', '2025-03-07T16:00', 0, { onTime: true }],
    ['finished exactly at the due date', '2025-03-10T09:00', '2025-03-10T09:00', 0, { onTime: true }],
    ['finished a minute late', '2025-03-10T09:00', '2025-03-10T09:01', 0, { onTime: false, reason: 'AFTER_DUE_DATE' }],
    ['one supplement, in time', '2025-03-10T09:00', '2025-03-09T09:00', 1, { onTime: true }],
    ['two supplements make it late even in time', '2025-03-10T09:00', '2025-03-03T09:00', 2, { onTime: false, reason: 'MORE_THAN_ONE_SUPPLEMENT' }],
  ])('%s', (_case, dueAt, finishedAt, supplementRequests, verdict) => {
    expect(onTimeVerdict({ dueAt: at(dueAt), finishedAt: at(finishedAt), supplementRequests })).toEqual(verdict);
  });

  it.each([
    ['not yet due at the period end', '2025-04-02T09:00', '2025-03-31T23:59', undefined, true],
    ['already past due at the period end', '2025-03-28T09:00', '2025-03-31T23:59', undefined, false],
    ['a pending supplement judged at its request date', '2025-03-28T09:00', '2025-03-31T23:59', '2025-03-20T10:00', true],
    ['a supplement requested after the due date', '2025-03-28T09:00', '2025-03-31T23:59', '2025-03-29T10:00', false],
  ])('unfinished: %s', (_case, dueAt, periodEnd, pendingSince, expected) => {
    expect(onTimeAtPeriodEnd(at(dueAt), at(periodEnd), pendingSince ? at(pendingSince) : undefined)).toBe(expected);
  });

  it('treats a dossier whose clock stands still (no due date) as not late', () => {
    expect(onTimeAtPeriodEnd(undefined, at('2025-03-31T23:59'))).toBe(true);
  });
});
