import { dueKnownBefore, finishedAt, finishedVerdict, verdictAtPeriodEnd } from './dossier-clock';
import { at, due, facts } from './indicator-input.fixture';
import type { IndicatorInput } from './indicator-input';

const supplement = (requestedAt: string, answeredAt: string | null = null) => ({
  requestedAt: at(requestedAt),
  answeredAt: answeredAt ? at(answeredAt) : null,
});

describe('finished = first of resolved, result issued, stopped, rejected, withdrawn', () => {
  it.each<[string, Partial<IndicatorInput>, string | null]>([
    ['nothing yet', {}, null],
    ['resolved, then the result issued', { resolvedAt: at('2025-03-07T10:00'), resultIssuedAt: at('2025-03-07T15:00') }, '2025-03-07T10:00'],
    ['stopped', { stoppedAt: at('2025-03-05T09:00') }, '2025-03-05T09:00'],
    ['withdrawn', { withdrawnAt: at('2025-03-04T09:00') }, '2025-03-04T09:00'],
    ['rejected', { rejectedAt: at('2025-03-03T09:00') }, '2025-03-03T09:00'],
  ])('%s', (_case, overrides, expected) => {
    expect(finishedAt(facts(overrides))).toEqual(expected ? at(expected) : null);
  });
});

describe('the due date as known at an instant', () => {
  const dossier = facts({
    dueHistory: [due('2025-03-03T08:00', '2025-03-10T08:00'), due('2025-04-02T09:00', '2025-04-09T08:00')],
  });
  it('is the reception due date before a later extension', () => {
    expect(dueKnownBefore(dossier, at('2025-04-01T00:00'))?.dueAt).toEqual(at('2025-03-10T08:00'));
  });
  it('is the extended one after it', () => {
    expect(dueKnownBefore(dossier, at('2025-04-03T00:00'))?.dueAt).toEqual(at('2025-04-09T08:00'));
  });
});

describe('the 766 verdict of a finished dossier', () => {
  it.each<[string, Partial<IndicatorInput>, boolean]>([
    ['resolved exactly at the due instant is on time', { resolvedAt: at('2025-03-10T08:00') }, true],
    ['resolved a millisecond after it is late', { resolvedAt: new Date(at('2025-03-10T08:00').getTime() + 1) }, false],
    ['resolved early', { resolvedAt: at('2025-03-06T10:00') }, true],
    ['two supplement requests make it late though early', { resolvedAt: at('2025-03-06T10:00'), supplementRequests: [supplement('2025-03-04T09:00', '2025-03-04T10:00'), supplement('2025-03-05T09:00', '2025-03-05T10:00')] }, false],
    [
      'a supplement requested and answered within one day pushes the due date; resolved within it is on time',
      {
        supplementRequests: [supplement('2025-03-04T09:00', '2025-03-04T15:00')],
        dueHistory: [due('2025-03-03T08:00', '2025-03-10T08:00'), due('2025-03-04T15:00', '2025-03-10T12:00')],
        resolvedAt: at('2025-03-10T11:00'),
      },
      true,
    ],
    ['an extension approved before the due date moves it', { dueHistory: [due('2025-03-03T08:00', '2025-03-10T08:00'), due('2025-03-07T09:00', '2025-03-12T08:00')], resolvedAt: at('2025-03-11T09:00') }, true],
    ['withdrawn while a supplement is pending: judged at the request date', { supplementRequests: [supplement('2025-03-07T09:00')], withdrawnAt: at('2025-03-20T09:00') }, true],
    ['stopped after the due date', { stoppedAt: at('2025-03-11T09:00') }, false],
  ])('%s', (_case, overrides, onTime) => {
    expect(finishedVerdict(facts(overrides))?.onTime).toBe(onTime);
  });
});

describe('the 766 verdict of a dossier unfinished at a period end (31 March, local midnight)', () => {
  const end = at('2025-04-01T00:00');
  it.each<[string, Partial<IndicatorInput>, boolean, string]>([
    ['not yet due', { dueHistory: [due('2025-03-28T08:00', '2025-04-04T08:00')], receivedAt: at('2025-03-28T08:00') }, true, '2025-04-01T00:00'],
    ['past due', {}, false, '2025-04-01T00:00'],
    ['a pending supplement requested before the due date: judged at the request date, on time', { supplementRequests: [supplement('2025-03-07T09:00')] }, true, '2025-03-07T09:00'],
    ['a pending supplement requested after the due date', { supplementRequests: [supplement('2025-03-12T09:00')] }, false, '2025-03-12T09:00'],
    ['a supplement answered only after the period end was still pending at it', { supplementRequests: [supplement('2025-03-07T09:00', '2025-04-02T09:00')] }, true, '2025-03-07T09:00'],
    ['two supplement requests by the period end', { dueHistory: [due('2025-03-03T08:00', '2025-05-01T08:00')], supplementRequests: [supplement('2025-03-04T09:00', '2025-03-05T09:00'), supplement('2025-03-06T09:00', '2025-03-07T09:00')] }, false, '2025-04-01T00:00'],
    ['a pay-first wait not yet paid stops the clock at its start', { paymentWaitFrom: at('2025-03-03T08:00') }, true, '2025-03-03T08:00'],
    ['an extension approved after the period end is not yet known', { dueHistory: [due('2025-03-03T08:00', '2025-03-10T08:00'), due('2025-04-02T09:00', '2025-04-30T08:00')] }, false, '2025-04-01T00:00'],
  ])('%s', (_case, overrides, onTime, judgedAt) => {
    const verdict = verdictAtPeriodEnd(facts(overrides), end);
    expect({ onTime: verdict.onTime, judgedAt: verdict.judgedAt }).toEqual({ onTime, judgedAt: at(judgedAt) });
  });
});
