import { randomUUID } from 'node:crypto';
import { calendarFor, CalendarTerms, VIETNAM_HOLIDAYS, WorkingCalendar } from '@motcua/calendar';
import { DossierReceived, integrationEvents, Topics } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { FixedClock } from '@motcua/platform';
import { dossierReceived, eventually, InProcessService, procedureSnapshot, startInProcessService } from '@motcua/testing';
import type { WorkItem, WorkList } from '../../application/list-work/list-work.query';
import { ProcessingModule } from '../../processing.module';

const vn = (local: string) => new Date(`${local}+07:00`);
const calendar = new WorkingCalendar();
const clock = new FixedClock(vn('2097-06-02T09:00'));
const KAFKA_WAIT = { timeoutMs: 60_000 };

/**
 * The officers' work list over HTTP, built from processing's own log as intake's receptions
 * arrive on Kafka; real PostgreSQL and Kafka, the service on the test's clock.
 */
describe('processing: the officers’ work list (real PostgreSQL and Kafka)', () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(ProcessingModule, {
      service: 'processing',
      isolate: { prefix: 'processing_work_list_e2e' },
      env: { DEADLINE_CHECK_INTERVAL_MS: '3600000' },
      topics: [Topics.intake],
      clock,
    });
  });
  afterAll(() => h?.close());

  const leader = (unit: string) => h.officer('LEADER', unit);
  const officer = (unit: string, id?: string) => h.officer('PROCESSING_OFFICER', unit, id);
  const list = (who: Record<string, string>, query = '') => fetch(`${h.base}/cases${query}`, { headers: who });
  const page = async (who: Record<string, string>, query = '') => {
    const response = await list(who, query);
    expect(response.status).toBe(200);
    return (await response.json()) as WorkList;
  };
  const act = (who: Record<string, string>, dossierId: string, action: string, body?: unknown) =>
    fetch(`${h.base}/cases/${dossierId}/${action}`, { method: 'POST', headers: { ...who, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const refusal = async (response: Response) => [response.status, response.headers.get('content-type')?.split(';')[0], ((await response.json()) as { code: string }).code];
  const written = async (dossierId: string) => (await h.store.readStream(dossierId)).length;

  /** Every item of the list, page by page; `between` runs after each page. */
  async function walk(who: Record<string, string>, query: string, between: () => Promise<void> = async () => undefined): Promise<WorkItem[]> {
    const items: WorkItem[] = [];
    let after: string | null = null;
    do {
      const current = await page(who, `?${query}${after ? `&after=${after}` : ''}`);
      items.push(...current.items);
      after = current.next;
      await between();
    } while (after);
    return items;
  }

  /** Intake receives a dossier at the clock's now, for `agency`; processing opens its case from Kafka. */
  async function openCase(agency: string, processingDays = 10, procedureCode = 'SAMPLE.DD.01', terms?: CalendarTerms): Promise<{ dossierId: string; dueAt: string }> {
    const dossierId = randomUUID();
    const procedure = procedureSnapshot({ code: procedureCode, agencies: [agency], processingTime: { value: processingDays, unit: 'WORKING_DAYS' } });
    const receivedAt = clock.now();
    const dueAt = ((terms ? calendarFor(terms) : calendar).dueAt(receivedAt, procedure.processingTime) as Date).toISOString();
    const data = { ...dossierReceived({ dossierId, receivedAt: receivedAt.toISOString(), dueAt, unit: agency, procedure }), ...(terms ? { calendar: terms } : {}) };
    await h.send(Topics.intake, integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: data.receivedAt, data }));
    await eventually(() => written(dossierId), (n) => n >= 2, { ...KAFKA_WAIT, what: 'the case opened from Kafka' });
    return { dossierId, dueAt };
  }

  const listed = (who: Record<string, string>, query: string, dossierIds: string[]) =>
    eventually(async () => (await walk(who, query)).map((i) => i.dossierId), (ids) => dossierIds.every((id) => ids.includes(id)), { ...KAFKA_WAIT, what: 'the cases in the work list' });

  it('pages earliest due first with no case twice or missed while new cases arrive between pages', async () => {
    const agency = 'H56.41';
    clock.set(vn('2097-06-02T09:00'));
    const opened = [];
    // Two cases share each due date: the dossier id breaks the tie.
    for (const days of [12, 5, 8, 5, 12]) opened.push(await openCase(agency, days));
    const ids = opened.map((c) => c.dossierId);
    await listed(leader(agency), '', ids);

    const expected = [...opened].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.dossierId.localeCompare(b.dossierId)).map((c) => c.dossierId);
    const arrivals: string[] = [];
    const seen = await walk(leader(agency), 'limit=2', async () => {
      // Cases received while the officer pages: one due before every page read, one after.
      if (arrivals.length < 2) arrivals.push((await openCase(agency, arrivals.length === 0 ? 1 : 30)).dossierId);
    });
    const seenIds = seen.map((i) => i.dossierId);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(seenIds.filter((id) => ids.includes(id))).toEqual(expected);
    expect(seen.map((i) => i.dueAt)).toEqual([...seen.map((i) => i.dueAt)].sort());
    // The arrivals are listed too, once the read model has them.
    await listed(leader(agency), 'limit=200', [...ids, ...arrivals]);
  });

  it('filters by procedure and status, and names a bad filter or cursor in a 400', async () => {
    const agency = 'H56.42';
    clock.set(vn('2097-06-02T09:00'));
    const land = await openCase(agency, 10, 'SAMPLE.DD.01');
    const permit = await openCase(agency, 10, 'SAMPLE.XD.02');
    await listed(leader(agency), '', [land.dossierId, permit.dossierId]);
    expect((await page(leader(agency), '?procedure=SAMPLE.XD.02')).items.map((i) => i.dossierId)).toEqual([permit.dossierId]);

    const requested = await act(leader(agency), land.dossierId, 'supplement-requests', { missing: ['Bản đồ thửa đất'] });
    expect(requested.status).toBe(201);
    const paused = await eventually(
      async () => (await page(leader(agency), '?status=PAUSED')).items,
      (items) => items.length === 1,
      { ...KAFKA_WAIT, what: 'the paused case in the list' },
    );
    expect(paused[0]).toMatchObject({ dossierId: land.dossierId, status: 'PAUSED', paused: { reason: 'SUPPLEMENT', since: clock.now().toISOString() } });
    expect((await page(leader(agency), '?status=OPEN')).items.map((i) => i.dossierId)).toEqual([permit.dossierId]);

    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?status=CLOSED', 'status'],
      ['?flag=LATE', 'flag'],
      [`?after=${Buffer.from(JSON.stringify(['2097-06-02T02:00:00.000Z', 'not-a-uuid'])).toString('base64url')}`, 'after'],
      ['?after=2097-06-02T02:00:00.000Z~x', 'after'],
    ]) {
      const response = await list(leader(agency), query);
      expect([query, response.status, ((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)]).toEqual([query, 400, [field]]);
    }
  });

  it('scopes the list to the agency, and a processing officer to their cases and the unassigned; acting likewise, with 403 problem+json', async () => {
    const agency = 'H56.43';
    clock.set(vn('2097-06-03T09:00'));
    const mine = await openCase(agency);
    const theirs = await openCase(agency);
    const nobodys = await openCase(agency);
    await listed(leader(agency), '', [mine.dossierId, theirs.dossierId, nobodys.dossierId]);
    expect((await act(leader(agency), mine.dossierId, 'assign', { department: 'phong-a', officerId: 'officer-7' })).status).toBe(200);
    expect((await act(leader(agency), theirs.dossierId, 'assign', { department: 'phong-a', officerId: 'officer-8' })).status).toBe(200);
    const seven = officer(agency, 'officer-7');
    // Both assignments are in the read model once only the third case is unassigned.
    await eventually(async () => (await page(leader(agency), '?assignee=none')).items.map((i) => i.dossierId), (ids) => ids.length === 1, { ...KAFKA_WAIT, what: 'the assignments in the list' });

    expect((await page(seven, '?assignee=me')).items).toEqual([expect.objectContaining({ dossierId: mine.dossierId, assignee: { department: 'phong-a', officerId: 'officer-7' } })]);
    expect((await walk(seven, '')).map((i) => i.dossierId).sort()).toEqual([mine.dossierId, nobodys.dossierId].sort());
    expect((await page(seven, '?assignee=none')).items.map((i) => i.dossierId)).toEqual([nobodys.dossierId]);
    expect((await walk(leader(agency), '')).map((i) => i.dossierId).sort()).toEqual([mine.dossierId, theirs.dossierId, nobodys.dossierId].sort());
    expect((await page(leader(agency), '?assignee=officer-8')).items.map((i) => i.dossierId)).toEqual([theirs.dossierId]);
    expect((await page(h.officer('ADMIN', 'H56'), `?agency=${agency}&assignee=none`)).items.map((i) => i.dossierId)).toEqual([nobodys.dossierId]);

    expect(await refusal(await list(seven, '?assignee=officer-8'))).toEqual([403, 'application/problem+json', 'AUTH.OTHER_OFFICER']);
    expect(await refusal(await list(leader('H56.44'), `?agency=${agency}`))).toEqual([403, 'application/problem+json', 'AUTH.OTHER_UNIT']);
    expect((await page(leader('H56.44'))).items).toEqual([]);
    expect((await list(h.officer('RECEPTION_OFFICER', agency))).status).toBe(403);

    // Acting: another agency's officer, and a processing officer on another officer's case, are refused and write nothing.
    const before = await written(theirs.dossierId);
    expect(await refusal(await act(officer('H56.44'), nobodys.dossierId, 'supplement-requests', { missing: ['Tờ khai'] }))).toEqual([403, 'application/problem+json', 'AUTH.OTHER_UNIT']);
    expect(await refusal(await act(seven, theirs.dossierId, 'supplement-requests', { missing: ['Tờ khai'] }))).toEqual([403, 'application/problem+json', 'CASE.ASSIGNED_TO_ANOTHER']);
    expect(await refusal(await act(seven, theirs.dossierId, 'hand-off'))).toEqual([403, 'application/problem+json', 'CASE.ASSIGNED_TO_ANOTHER']);
    expect(await written(theirs.dossierId)).toBe(before);
    expect((await act(seven, nobodys.dossierId, 'supplement-requests', { missing: ['Tờ khai'] })).status).toBe(201);
    expect((await act(seven, mine.dossierId, 'supplement-requests', { missing: ['Tờ khai'] })).status).toBe(201);
  });

  it('tells office time left, due soon and overdue by the clock, a paused case standing still', async () => {
    const agency = 'H56.45';
    clock.set(vn('2097-06-03T09:00'));
    const running = await openCase(agency, 3);
    const waiting = await openCase(agency, 3);
    await listed(leader(agency), '', [running.dossierId, waiting.dossierId]);
    const item = async (dossierId: string) => (await walk(leader(agency), '')).find((i) => i.dossierId === dossierId) as WorkItem;
    const flagged = async (flag: string) => (await walk(leader(agency), `flag=${flag}`)).map((i) => i.dossierId).sort();
    const dueAt = new Date(running.dueAt);

    expect(await item(running.dossierId)).toMatchObject({ dueAt: running.dueAt, workingMinutesLeft: 3 * 450, dueSoon: false, overdue: false, status: 'OPEN', paused: null });

    // The second case waits for a supplement from one and a half working days before its due date.
    clock.set(vn('2097-06-04T13:30'));
    expect((await act(leader(agency), waiting.dossierId, 'supplement-requests', { missing: ['Bản đồ'] })).status).toBe(201);
    await eventually(() => item(waiting.dossierId), (i) => i.status === 'PAUSED', { ...KAFKA_WAIT, what: 'the pause in the list' });

    clock.set(new Date(dueAt.getTime() - 60 * 60_000));
    expect(await item(running.dossierId)).toMatchObject({ workingMinutesLeft: 60, dueSoon: true, overdue: false });
    expect(await flagged('DUE_SOON')).toEqual([running.dossierId]);
    expect(await flagged('OVERDUE')).toEqual([]);

    clock.set(vn('2097-06-09T10:00'));
    const late = calendar.workingMinutesBetween(dueAt, clock.now());
    expect(late).toBeGreaterThan(0);
    expect(await item(running.dossierId)).toMatchObject({ workingMinutesLeft: -late, dueSoon: false, overdue: true });
    expect(await flagged('OVERDUE')).toEqual([running.dossierId]);
    // Paused well before its due date, the waiting case is neither due soon nor overdue, however long the wait.
    expect(await item(waiting.dossierId)).toMatchObject({ status: 'PAUSED', workingMinutesLeft: calendar.workingMinutesBetween(vn('2097-06-04T13:30'), new Date(waiting.dueAt)), dueSoon: false, overdue: false });
    expect(await flagged('DUE_SOON')).toEqual([]);
  });

  it('counts time left in the office hours the dossier was received under', async () => {
    const agency = 'H56.46';
    clock.set(vn('2097-06-03T09:00'));
    const eightHours = { holidayTable: VIETNAM_HOLIDAYS.version, officeHours: [{ start: '07:00', end: '11:00' }, { start: '13:00', end: '17:00' }] };
    const own = await openCase(agency, 3, 'SAMPLE.DD.01', eightHours);
    await listed(leader(agency), '', [own.dossierId]);
    const item = (await walk(leader(agency), '')).find((i) => i.dossierId === own.dossierId) as WorkItem;
    expect(item).toMatchObject({ dueAt: own.dueAt, workingMinutesLeft: 3 * 480 });
    expect(own.dueAt).toBe(vn('2097-06-06T09:00').toISOString());
  });

  it('rebuilds the work list from the service\'s own log into identical rows', async () => {
    const rows = async (db: PgDatabase) => (await db.query<{ row: string }>(`select to_jsonb(t)::text as row from processing.work_list t order by dossier_id`)).rows.map((r) => r.row);
    const before = await rows(h.db);
    expect(before.length).toBeGreaterThan(0);
    await h.app.close();
    // What an operator does to rebuild: empty the table and forget the checkpoint, with the service stopped.
    const db = PgDatabase.connect(process.env['DATABASE_URL'] as string);
    try {
      await db.query(`truncate processing.work_list`);
      await db.query(`delete from processing.checkpoints where subscription = 'projection:work-list'`);
    } finally {
      await db.close();
    }
    await h.boot();
    // Batches commit one at a time: wait for the last, then show any difference.
    expect(await eventually(() => rows(h.db), (after) => after.join('\n') === before.join('\n'), { ...KAFKA_WAIT, what: 'the work list rebuilt' })).toEqual(before);
  });
});
