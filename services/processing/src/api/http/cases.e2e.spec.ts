import { randomUUID } from 'node:crypto';
import { WorkingCalendar } from '@motcua/calendar';
import { DossierReceived, Envelope, EventData, integrationEvents, SupplementProvided, Topics } from '@motcua/contracts';
import { FixedClock, Role } from '@motcua/platform';
import { dossierReceived, eventually, InProcessService, procedureSnapshot, startInProcessService } from '@motcua/testing';
import { ProcessingModule } from '../../processing.module';

const vn = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => vn(local).toISOString();
const calendar = new WorkingCalendar();
// Far ahead of real time, so that no other test's deadline pass touches these cases.
const clock = new FixedClock(vn('2098-03-03T09:00'));
/**
 * Other specs' processing apps share the consumer group; one that leaves uncleanly holds its
 * partitions until the session times out (30 s), so waits on Kafka allow for one such stall.
 */
const KAFKA_WAIT = { timeoutMs: 60_000 };

/**
 * Officers work a case over HTTP while intake's events arrive on Kafka as intake publishes them
 * (built from libs/contracts); real PostgreSQL and Kafka throughout.
 */
describe('processing: officers work a handling case over HTTP (real PostgreSQL and Kafka)', () => {
  let h: InProcessService;
  let base: string;

  beforeAll(async () => {
    // The service's clock is the test's, so due dates and time spent are exact.
    h = await startInProcessService(ProcessingModule, {
      service: 'processing',
      isolate: { prefix: 'processing_cases_e2e' },
      env: { DEADLINE_CHECK_INTERVAL_MS: '3600000' },
      topics: [Topics.intake],
      clock,
    });
    base = h.base;
  });
  afterAll(() => h?.close());

  const as = (role: Exclude<Role, 'PORTAL'>, unit: string) => h.officer(role, unit);
  const officer = (unit: string) => as('PROCESSING_OFFICER', unit);
  const leader = (unit: string) => as('LEADER', unit);
  const admin = () => as('ADMIN', 'H56');
  const act = (who: Record<string, string>, dossierId: string, action: string, body?: unknown) =>
    fetch(`${base}/cases/${dossierId}/${action}`, { method: 'POST', headers: { ...who, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const view = (who: Record<string, string>, dossierId: string) => fetch(`${base}/cases/${dossierId}`, { headers: who });
  const json = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;
  const problem = (response: Response) => json<{ code: string; errors?: { field: string }[] }>(response);
  const written = async (dossierId: string) => (await h.store.readStream(dossierId)).length;
  const inboxOutcome = async (envelope: Envelope) => (await h.db.query<{ outcome: string }>(`select outcome from processing.inbox where message_id = $1`, [envelope.id])).rows[0]?.outcome;
  const fromIntake = (...envelopes: Envelope[]) => h.send(Topics.intake, ...envelopes);

  /** Intake receives a dossier at `clock` now; processing opens its case from Kafka. */
  async function openCase(agencies = ['H56.22']): Promise<{ dossierId: string; dueAt: string }> {
    const dossierId = randomUUID();
    const procedure = procedureSnapshot({ agencies, processingTime: { value: 10, unit: 'WORKING_DAYS' } });
    const receivedAt = clock.now();
    const dueAt = (calendar.dueAt(receivedAt, procedure.processingTime) as Date).toISOString();
    const data = dossierReceived({ dossierId, receivedAt: receivedAt.toISOString(), dueAt, unit: agencies[0], procedure });
    await fromIntake(integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: data.receivedAt, data }));
    await eventually(() => written(dossierId), (n) => n >= 2, { ...KAFKA_WAIT, what: 'the case opened from Kafka' });
    return { dossierId, dueAt };
  }

  const supplementProvided = (dossierId: string, providedAt: Date, requestId?: string) => {
    const data: EventData<typeof SupplementProvided> = {
      dossierId,
      code: 'H56.22-980303-0001',
      providedAt: providedAt.toISOString(),
      components: [{ componentId: 'map', name: 'Bản đồ thửa đất', provenance: 'PAPER' }],
      ...(requestId ? { requestId } : {}),
    };
    return integrationEvents.createEnvelope(SupplementProvided, { source: 'motcua/intake', subject: dossierId, time: data.providedAt, data });
  };

  /**
   * Processing's topic as a consumer sees it, for one dossier, until `done`. Other tests' apps also
   * read the shared intake topic and open their own cases: ours are the events this app stored.
   */
  const published = (dossierId: string, done: (types: string[]) => boolean): Promise<Envelope[]> =>
    eventually(() => h.published(dossierId), (events) => done(events.map((e) => e.type)), { ...KAFKA_WAIT, what: `processing's events for ${dossierId}` });

  const result = { documentId: 'doc-result-1', name: 'Giấy chứng nhận quyền sử dụng đất', sha256: 'b'.repeat(64) };

  it('carries an inter-agency case through three agencies, a supplement and an extension to an on-time decision', async () => {
    clock.set(vn('2098-03-03T09:00'));
    const { dossierId, dueAt } = await openCase(['H56.22', 'H56.10', 'H56.30']);
    expect(dueAt).toBe(iso('2098-03-17T09:00'));
    expect(await json(await view(admin(), dossierId))).toMatchObject({ status: 'OPEN', step: 1, agency: 'H56.22', dueAt, pause: null, resolution: null });

    clock.set(vn('2098-03-03T10:00'));
    const assigned = await act(leader('H56.22'), dossierId, 'assign', { department: 'phong-dang-ky', officerId: 'officer-7' });
    expect(assigned.status).toBe(200);
    expect(await json(assigned)).toMatchObject({ step: 1, agency: 'H56.22', department: 'phong-dang-ky', officerId: 'officer-7' });

    const before = await written(dossierId);
    const stranger = await act(officer('H56.10'), dossierId, 'hand-off');
    expect(stranger.status).toBe(403);
    expect((await problem(stranger)).code).toBe('AUTH.OTHER_UNIT');
    expect(await written(dossierId)).toBe(before);

    clock.set(vn('2098-03-04T09:00'));
    // The step is officer-7's now: another processing officer of the agency may not act on it.
    const colleague = await act(officer('H56.22'), dossierId, 'hand-off');
    expect([colleague.status, (await problem(colleague)).code]).toEqual([403, 'CASE.ASSIGNED_TO_ANOTHER']);
    expect(await written(dossierId)).toBe(before);
    const first = await act(h.officer('PROCESSING_OFFICER', 'H56.22', 'officer-7'), dossierId, 'hand-off');
    expect(first.status).toBe(200);
    expect(await json(first)).toMatchObject({ fromAgency: 'H56.22', toAgency: 'H56.10', step: 2, workingMinutesSpent: 450 });
    clock.set(vn('2098-03-05T09:00'));
    expect((await act(officer('H56.22'), dossierId, 'hand-off')).status).toBe(403);
    const second = await act(officer('H56.10'), dossierId, 'hand-off');
    expect(await json(second)).toMatchObject({ fromAgency: 'H56.10', toAgency: 'H56.30', step: 3, workingMinutesSpent: 450 });

    clock.set(vn('2098-03-06T09:00'));
    const requested = await act(officer('H56.30'), dossierId, 'supplement-requests', { missing: ['Bản đồ thửa đất', 'Biên lai nộp thuế'] });
    expect(requested.status).toBe(201);
    const { requestId, sequence } = await json<{ requestId: string; sequence: number }>(requested);
    expect(sequence).toBe(1);
    expect(await json(await view(officer('H56.30'), dossierId))).toMatchObject({ status: 'PAUSED', pause: { reason: 'SUPPLEMENT', since: iso('2098-03-06T09:00'), supplementRequestId: requestId } });

    const paused = await written(dossierId);
    const early = await act(leader('H56.30'), dossierId, 'resolve', { outcome: 'APPROVED', resultDocuments: [result] });
    expect(early.status).toBe(409);
    expect((await problem(early)).code).toBe('CASE.PAUSED');
    expect(await written(dossierId)).toBe(paused);

    // An answer to another request changes nothing; the answer to this one resumes the clock.
    const stray = supplementProvided(dossierId, vn('2098-03-07T09:00'), randomUUID());
    const answer = supplementProvided(dossierId, vn('2098-03-10T09:00'), requestId);
    await fromIntake(stray, answer);
    const resumed = await eventually(async () => json(await view(officer('H56.30'), dossierId)), (v) => v['status'] === 'OPEN', { ...KAFKA_WAIT, what: 'the case resumed' });
    expect(resumed).toMatchObject({ pausedWorkingMinutes: 900, dueAt: iso('2098-03-19T09:00'), supplementRequests: 1, pause: null });
    expect([await inboxOutcome(stray), await inboxOutcome(answer)]).toEqual(['APPLIED', 'APPLIED']);

    clock.set(vn('2098-03-11T09:00'));
    const extended = await act(leader('H56.30'), dossierId, 'extensions', { by: { value: 3, unit: 'WORKING_DAYS' }, reason: 'Cần xác minh thực địa' });
    expect(extended.status).toBe(201);
    expect(await json(extended)).toMatchObject({ previousDueAt: iso('2098-03-19T09:00'), dueAt: iso('2098-03-24T09:00') });

    clock.set(vn('2098-03-21T16:00'));
    const decided = await act(leader('H56.30'), dossierId, 'resolve', { outcome: 'APPROVED', resultDocuments: [result] });
    expect(decided.status).toBe(200);
    // The deciding agency's share: Wednesday 09:00 to Friday week 16:00, less the supplement wait.
    const decidingStep = { agency: 'H56.30', step: 3, workingMinutesSpent: 4800 };
    expect(await json(decided)).toEqual({ dossierId, outcome: 'APPROVED', resolvedAt: iso('2098-03-21T16:00'), dueAt: iso('2098-03-24T09:00'), onTime: true, supplementCount: 1, decidingStep });
    // Every agency's share is known, the last one's included, and together they are the case's working time.
    const shares = [
      { step: 1, agency: 'H56.22', workingMinutes: 450 },
      { step: 2, agency: 'H56.10', workingMinutes: 450 },
      { step: 3, agency: 'H56.30', workingMinutes: 4800 },
    ];
    const closed = await json<{ agencyShares: typeof shares; pauses: { since: string; until: string }[] }>(await view(leader('H56.30'), dossierId));
    expect(closed.agencyShares).toEqual(shares);
    const caseWorkingTime = calendar.elapsedWorkingMinutes(vn('2098-03-03T09:00'), vn('2098-03-21T16:00'), closed.pauses.map((p) => ({ from: new Date(p.since), to: new Date(p.until) })));
    expect(shares.reduce((sum, share) => sum + share.workingMinutes, 0)).toBe(caseWorkingTime);

    const events = await published(dossierId, (types) => types.includes('DossierResolved'));
    expect(events.map((e) => e.type)).toEqual([
      'CaseAssigned',
      'CaseAssigned',
      'CaseHandedOff',
      'CaseAssigned',
      'CaseHandedOff',
      'CaseAssigned',
      'SupplementRequested',
      'ProcessingPaused',
      'ProcessingResumed',
      'DeadlineExtended',
      'DossierResolved',
    ]);
    expect(events[8].data).toMatchObject({ resumedAt: iso('2098-03-10T09:00'), pausedWorkingMinutes: 900, dueAt: iso('2098-03-19T09:00') });
    expect(events[10].data).toMatchObject({ onTime: true, supplementCount: 1, resultDocuments: [result], decidedBy: 'leader@H56.30', unit: 'H56.22', decidingStep });
    expect([events[2].data, events[4].data]).toMatchObject([{ workingMinutesSpent: 450 }, { workingMinutesSpent: 450 }]);
  }, 150_000);

  it('lets one of two simultaneous hand-offs move the case; the other finds it at another agency', async () => {
    clock.set(vn('2098-03-04T09:00'));
    const { dossierId } = await openCase(['H56.22', 'H56.10', 'H56.30']);
    const statuses = (await Promise.all([act(officer('H56.22'), dossierId, 'hand-off'), act(leader('H56.22'), dossierId, 'hand-off')])).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 403]);
    expect(await json(await view(admin(), dossierId))).toMatchObject({ step: 2, agency: 'H56.10' });
    expect(await written(dossierId)).toBe(4);
  });

  it('stops processing; a stopped case takes no more acts and ignores a late supplement', async () => {
    clock.set(vn('2098-03-04T09:00'));
    const { dossierId } = await openCase();
    const stopped = await act(leader('H56.22'), dossierId, 'stop', { reason: 'Người nộp đề nghị dừng giải quyết' });
    expect(stopped.status).toBe(200);
    expect(await json(stopped)).toEqual({ dossierId, status: 'STOPPED', stoppedAt: iso('2098-03-04T09:00') });
    expect(await json(await view(leader('H56.22'), dossierId))).toMatchObject({ status: 'STOPPED', stop: { reason: 'Người nộp đề nghị dừng giải quyết' } });
    const again = await act(officer('H56.22'), dossierId, 'supplement-requests', { missing: ['x'] });
    expect(again.status).toBe(409);
    expect((await problem(again)).code).toBe('CASE.FINISHED');

    const late = supplementProvided(dossierId, vn('2098-03-05T09:00'));
    const before = await written(dossierId);
    await fromIntake(late);
    expect(await eventually(() => inboxOutcome(late), Boolean, { ...KAFKA_WAIT, what: 'the late supplement consumed' })).toBe('APPLIED');
    expect(await written(dossierId)).toBe(before);
  });

  it('ignores a supplement for a dossier without a case (a desk return before reception)', async () => {
    const dossierId = randomUUID();
    const beforeReception = supplementProvided(dossierId, vn('2098-03-04T09:00'));
    await fromIntake(beforeReception);
    expect(await eventually(() => inboxOutcome(beforeReception), Boolean, { ...KAFKA_WAIT, what: 'the supplement consumed' })).toBe('APPLIED');
    expect(await written(dossierId)).toBe(0);
  });

  it('issues one apology before the due date; past the due date, refuses an extension', async () => {
    clock.set(vn('2098-03-03T09:00'));
    const { dossierId, dueAt } = await openCase();
    clock.set(vn('2098-03-13T09:00'));
    const letter = await act(leader('H56.22'), dossierId, 'apology', { reason: 'Chờ kết quả xác minh của cơ quan thuế' });
    expect(letter.status).toBe(201);
    const { newAppointmentAt } = await json<{ newAppointmentAt: string }>(letter);
    expect(Date.parse(newAppointmentAt)).toBeGreaterThan(Date.parse(dueAt));
    const second = await act(leader('H56.22'), dossierId, 'apology', { reason: 'Lần nữa' });
    expect(second.status).toBe(409);
    expect((await problem(second)).code).toBe('CASE.APOLOGY_ALREADY_ISSUED');
    expect(await json(await view(leader('H56.22'), dossierId))).toMatchObject({ dueAt, apology: { newAppointmentAt } });

    clock.set(vn('2098-03-18T09:00'));
    const before = await written(dossierId);
    const tooLate = await act(leader('H56.22'), dossierId, 'extensions', { by: { value: 2, unit: 'WORKING_DAYS' }, reason: 'Cần thêm thời gian' });
    expect(tooLate.status).toBe(422);
    expect((await problem(tooLate)).code).toBe('CASE.EXTENSION_AFTER_DUE_DATE');
    expect(await written(dossierId)).toBe(before);
  });

  it('names the field of every bad body, and the missing result document, writing nothing', async () => {
    clock.set(vn('2098-03-05T09:00'));
    const { dossierId } = await openCase();
    const before = await written(dossierId);
    const fields = async (action: string, body: unknown, status = 400) => {
      const response = await act(leader('H56.22'), dossierId, action, body);
      expect(response.status).toBe(status);
      const answer = await problem(response);
      expect(JSON.stringify(answer)).not.toContain('038090001234');
      return answer.errors?.map((e) => e.field).sort();
    };
    expect(await fields('assign', { department: 'phòng A', officerId: '' })).toEqual(['department', 'officerId']);
    expect(await fields('supplement-requests', { missing: [] })).toEqual(['missing']);
    expect(await fields('extensions', { reason: 'x' })).toEqual(['by']);
    expect(await fields('extensions', { by: { value: 0, unit: 'DAYS' }, reason: 'x' })).toEqual(['by.unit', 'by.value']);
    expect(await fields('resolve', { outcome: 'MAYBE', resultDocuments: [{ documentId: 'd', name: 'n', sha256: 'XYZ' }] })).toEqual(['outcome', 'resultDocuments.0.sha256']);
    expect(await fields('stop', { reason: '', citizenId: '038090001234' })).toEqual(['citizenId', 'reason']);
    expect(await fields('resolve', { outcome: 'APPROVED', resultDocuments: [] }, 422)).toEqual(['resultDocuments']);
    expect(await fields('resolve', { outcome: 'DENIED', resultDocuments: [] }, 422)).toEqual(['resultDocuments']);
    expect(await written(dossierId)).toBe(before);
  });

  it('answers an unknown case with 404, a malformed id with 400, and a role not allowed with 403', async () => {
    const unknown = await view(admin(), randomUUID());
    expect(unknown.status).toBe(404);
    expect((await problem(unknown)).code).toBe('CASE.NOT_FOUND');
    expect((await act(officer('H56.22'), randomUUID(), 'hand-off')).status).toBe(404);
    const malformed = await view(admin(), 'not-a-uuid');
    expect(malformed.status).toBe(400);
    expect((await problem(malformed)).errors?.map((e) => e.field)).toEqual(['dossierId']);

    clock.set(vn('2098-03-05T09:00'));
    const { dossierId } = await openCase();
    const officerDecides = await act(officer('H56.22'), dossierId, 'resolve', { outcome: 'APPROVED', resultDocuments: [result] });
    expect(officerDecides.status).toBe(403);
    expect((await problem(officerDecides)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
    expect((await view({}, dossierId)).status).toBe(401);
  });
});
