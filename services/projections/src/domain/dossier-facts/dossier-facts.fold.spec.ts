import { CURRENT_HOLIDAY_TABLE } from '@motcua/calendar';
import { ComponentDigitised, DossierReceived, DossierResolved, DossierWithdrawn, EventData, DossierSubmitted, Topics, ProcessingPaused, ReuseRefused, SupplementProvided, SupplementRequested } from '@motcua/contracts';
import { envelopeOf, sampleProcedure, TopicEvent, wholeLife } from '../../testing/dossier-life.fixtures';
import { foldFacts, ProjectedFacts } from './dossier-facts.fold';

const id = '3f0c9a51-2d7e-4c1b-8f6a-0a1b2c3d4e5f';
const fold = (events: TopicEvent[]) => foldFacts(undefined, id, events.map((e) => e.envelope));

/** A deterministic shuffle across topics that keeps each topic's own order (Kafka's only promise). */
function interleave(events: TopicEvent[], seed: number): TopicEvent[] {
  const queues = new Map<string, TopicEvent[]>();
  for (const event of events) queues.set(event.topic, [...(queues.get(event.topic) ?? []), event]);
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const out: TopicEvent[] = [];
  while (out.length < events.length) {
    const open = [...queues.values()].filter((queue) => queue.length > 0);
    out.push(open[Math.floor(random() * open.length)].shift() as TopicEvent);
  }
  return out;
}

describe('dossier facts folded from every topic', () => {
  const life = wholeLife(id);
  const canonical = fold(life);

  it('a whole life gives the facts every indicator reads', () => {
    expect(canonical).toMatchObject<Partial<ProjectedFacts>>({
      code: 'H56.22-250106-0001', unit: 'H56.22', department: 'H56.22', channel: 'ONLINE', portal: 'test-portal', procedureCode: '1.001612', procedureVersion: 3,
      field: 'Lý lịch tư pháp', level: 'PROVINCE', processingTimeUnit: 'WORKING_DAYS', returnsDocument: true, eResultAllowed: true, feeBearing: true,
      submittedAt: '2025-01-06T01:00:00.000Z', receivedAt: '2025-01-06T02:00:00.000Z', resolvedAt: '2025-01-17T02:00:00.000Z',
      resultIssuedAt: '2025-01-17T03:00:00.000Z', deliveredAt: '2025-01-17T03:00:01.000Z', completedAt: '2025-01-17T03:00:01.000Z',
      dueAt: '2025-01-23T02:00:00.000Z', supplementCount: 1, pendingSupplementRequestedAt: null, pausedWorkingMinutes: 450,
      outcome: 'APPROVED', onTime: true, feeAssessed: 170_000, feeExempt: false, paidOnline: true, paidInCash: false,
      allElectronic: true, reused: true, eResult: true, status: 'COMPLETED', finishedOnTime: true,
    });
    expect(canonical.supplementRequests).toEqual([{ requestId: 'sr-1', sequence: 1, requestedAt: '2025-01-08T02:00:00.000Z', answeredAt: '2025-01-09T02:00:00.000Z' }]);
    expect(canonical.dueHistory.map((change) => [change.changedAt, change.dueAt])).toEqual([
      ['2025-01-06T02:00:00.000Z', '2025-01-20T02:00:00.000Z'],
      ['2025-01-09T02:00:05.000Z', '2025-01-21T02:00:00.000Z'],
      ['2025-01-15T02:00:00.000Z', '2025-01-23T02:00:00.000Z'],
    ]);
    // 09:00 local on the due day: a working day of office time before it is 09:00 the working day before.
    expect(canonical.dueHistory[0].dueSoonFrom).toBe('2025-01-17T02:00:00.000Z');
    // 9 working days from Mon 6 Jan 09:00 to Fri 17 Jan 09:00 local (4,050 min), less the 450 paused.
    expect(canonical.resolutionWorkingMinutes).toBe(3_600);
  });

  it.each(Array.from({ length: 40 }, (_, seed) => seed + 1))('gives the same facts in any interleaving across topics (seed %i)', (seed) => {
    expect(fold(interleave(life, seed))).toEqual(canonical);
  });

  it.each(life.map((event, index) => [event.envelope.type, index] as const))('changes nothing when %s is delivered twice', (_type, index) => {
    const twice = [...life.slice(0, index + 1), life[index], ...life.slice(index + 1)];
    expect(fold(twice)).toEqual(canonical);
  });

  it('folds later events onto facts already stored, as batch after batch does', () => {
    const stored = fold(life.slice(0, 7));
    expect(foldFacts(stored, id, life.slice(7).map((e) => e.envelope))).toEqual(canonical);
  });
});

describe("dossier facts counted by the unit's own office hours", () => {
  // 07:00-11:00 and 13:00-17:00: 480 office minutes a day, where the defaults give 450.
  const terms = { holidayTable: CURRENT_HOLIDAY_TABLE.version, officeHours: [{ start: '07:00', end: '11:00' }, { start: '13:00', end: '17:00' }] };
  const life = wholeLife(id).map((event) =>
    event.envelope.type === 'DossierReceived'
      ? envelopeOf(DossierReceived, id, event.envelope.time, { ...(event.envelope.data as EventData<typeof DossierReceived>), calendar: terms })
      : event,
  );
  const own = fold(life);

  it('counts resolution time, the working day and the reminder instants by the terms reception recorded', () => {
    expect(own.calendarTerms).toEqual(terms);
    expect(own.workingDayMinutes).toBe(480);
    // 9 working days from Mon 6 Jan 09:00 to Fri 17 Jan 09:00 local (4,320 min), less the supplement's one day (480).
    expect(own.resolutionWorkingMinutes).toBe(3_840);
    // 450 office minutes before Mon 20 Jan 09:00: Mon 07:00-09:00, Fri 13:00-17:00, then 90 before Fri 11:00.
    expect(own.dueHistory[0].dueSoonFrom).toBe('2025-01-17T02:30:00.000Z');
    expect(fold(wholeLife(id))).toMatchObject({ calendarTerms: null, workingDayMinutes: 450, resolutionWorkingMinutes: 3_600 });
  });

  it("times a due change folded before its reception again by the dossier's own terms", () => {
    const processingFirst = [...life.filter((e) => e.envelope.type !== 'DossierReceived'), ...life.filter((e) => e.envelope.type === 'DossierReceived')];
    const early = fold(processingFirst);
    // The extension of 15 Jan to Thu 23 Jan 09:00: 450 minutes before it by the 480-minute day is Wed 22 Jan 09:30.
    expect(early.dueHistory.find((change) => change.dueAt === '2025-01-23T02:00:00.000Z')?.dueSoonFrom).toBe('2025-01-22T02:30:00.000Z');
    expect(early).toEqual(own);
  });

  it.each(Array.from({ length: 20 }, (_, seed) => seed + 1))('gives the same facts in any interleaving across topics (seed %i)', (seed) => {
    expect(fold(interleave(life, seed))).toEqual(own);
  });
});

describe('dossier facts: the cases that decide a rate', () => {
  const dossier = { dossierId: id, code: 'H56.22-250131-0007' };
  const received = envelopeOf(DossierReceived, id, '2025-01-31T09:00:00.000Z', {
    ...dossier, receivedAt: '2025-01-31T09:00:00.000Z', dueAt: '2025-02-14T09:00:00.000Z', channel: 'COUNTER', unit: 'H56.22', applicantRef: 'a'.repeat(64),
    components: [{ componentId: 'c1', name: 'Tờ khai', provenance: 'PAPER' }], delivery: 'COUNTER', procedure: sampleProcedure, officerId: 'officer-1',
  });
  const request = (n: number, at: string) =>
    envelopeOf(SupplementRequested, id, at, { dossierId: id, requestId: `sr-${n}`, requestedAt: at, missing: ['Bản sao'], agency: 'H56.22', officerId: 'officer-2', sequence: n });
  const provided = (at: string, requestId?: string, provenance: 'PAPER' | 'ELECTRONIC' = 'ELECTRONIC') =>
    envelopeOf(SupplementProvided, id, at, {
      ...dossier, providedAt: at, ...(requestId ? { requestId } : {}),
      components: [provenance === 'PAPER' ? { componentId: `p-${at}`, name: 'Bản giấy', provenance } : { componentId: `e-${at}`, name: 'Bản điện tử', provenance, documentId: 'doc-9' }],
    });
  const resolvedAs = (code: string) => {
    const base = wholeLife(id).find((e) => e.envelope.type === 'DossierResolved') as TopicEvent;
    return envelopeOf(DossierResolved, id, base.envelope.time, { ...(base.envelope.data as EventData<typeof DossierResolved>), code });
  };
  const scanned = envelopeOf(ComponentDigitised, id, '2025-01-31T10:00:00.000Z', { dossierId: id, componentId: 'c1', documentId: 'scan-1', digitisedAt: '2025-01-31T10:00:00.000Z', pages: 1, officerId: 'o', sha256: 'b'.repeat(64) });

  it.each<[string, TopicEvent[], Partial<ProjectedFacts>]>([
    ['processing heard before intake: known, not yet received', [request(1, '2025-02-03T02:00:00.000Z')], { status: 'UNKNOWN', receivedAt: null, supplementCount: 1 }],
    ['a pending supplement request is kept with its request time', [received, request(1, '2025-02-03T02:00:00.000Z')], { status: 'PAUSED', pendingSupplementRequestedAt: '2025-02-03T02:00:00.000Z', finishedOnTime: null }],
    ['withdrawn before the due date is finished on time', [received, envelopeOf(DossierWithdrawn, id, '2025-02-03T02:00:00.000Z', { ...dossier, withdrawnAt: '2025-02-03T02:00:00.000Z' })], { status: 'WITHDRAWN', finishedOnTime: true }],
    ['a second supplement request is counted', [received, request(1, '2025-02-03T02:00:00.000Z'), provided('2025-02-03T08:00:00.000Z', 'sr-1'), request(2, '2025-02-04T02:00:00.000Z')], { supplementCount: 2, pendingSupplementRequestedAt: '2025-02-04T02:00:00.000Z' }],
    ['a request answered the same day is answered, not pending', [received, request(1, '2025-02-03T02:00:00.000Z'), provided('2025-02-03T08:00:00.000Z', 'sr-1')], { status: 'RECEIVED', pendingSupplementRequestedAt: null, supplementCount: 1 }],
    ['the answer may arrive before the request it answers', [received, provided('2025-02-03T08:00:00.000Z', 'sr-1'), request(1, '2025-02-03T02:00:00.000Z')], { pendingSupplementRequestedAt: null }],
    ['a return at reception is no supplement request', [envelopeOf(DossierSubmitted, id, '2025-01-30T01:00:00.000Z', { ...dossier, submittedAt: '2025-01-30T01:00:00.000Z', channel: 'ONLINE', unit: 'H56.22', procedureCode: '1.001612', procedureVersion: 3, applicantRef: 'a'.repeat(64), applicantKind: 'INDIVIDUAL', components: [{ componentId: 'c1', name: 'Tờ khai', provenance: 'PAPER' }], delivery: 'ONLINE' }), provided('2025-01-30T05:00:00.000Z')], { status: 'SUBMITTED', supplementCount: 0 }],
    ['paper digitised is all electronic', [received, scanned], { allElectronic: true }],
    ['a digitised dossier that later got a paper component counts by its final state', [received, scanned, provided('2025-02-05T02:00:00.000Z', 'sr-1', 'PAPER')], { allElectronic: false }],
    ['the scan may arrive before reception', [scanned, received], { allElectronic: true }],
    ['a refused reuse is no reuse', [received, envelopeOf(ReuseRefused, id, '2025-01-31T09:00:01.000Z', { dossierId: id, componentId: 'c1', repositoryDocumentId: 'r', refusedAt: '2025-01-31T09:00:01.000Z', reason: 'NOT_FOUND' })], { reused: false }],
    ['a pay-first wait is no supplement', [received, envelopeOf(ProcessingPaused, id, '2025-01-31T09:00:00.000Z', { dossierId: id, pausedAt: '2025-01-31T09:00:00.000Z', reason: 'AWAITING_PAYMENT' })], { status: 'PAUSED', supplementCount: 0, paymentWaitFrom: '2025-01-31T09:00:00.000Z', paymentWaitUntil: null }],
    ['a code that another topic gives differently never replaces intake\'s, in either order', [resolvedAs('OTHER-250101-0001'), received, resolvedAs('OTHER-250101-0002')], { code: 'H56.22-250131-0007' }],
    ['received on the last day of a month keeps that instant', [received], { receivedAt: '2025-01-31T09:00:00.000Z', dueAt: '2025-02-14T09:00:00.000Z', status: 'RECEIVED' }],
  ])('%s', (_name, events, expected) => {
    expect(fold(events)).toMatchObject(expected);
  });

  it('reads the topic names the fixtures publish to', () => {
    expect(received.topic).toBe(Topics.intake);
  });
});
