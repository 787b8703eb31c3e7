import { randomUUID } from 'node:crypto';
import { EventData, integrationEvents, SupplementRequested, Topics } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { FixedClock } from '@motcua/platform';
import { eventually, InProcessService, startInProcessService } from '@motcua/testing';
import type { QueueItem, ReceptionQueue } from '../../application/list-reception-queue/list-reception-queue.query';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

const HOUR = 3_600_000;
const clock = new FixedClock(new Date());
const KAFKA_WAIT = { timeoutMs: 60_000 };

/**
 * The reception queue over HTTP, built from intake's own log: portals submit, the desk returns and
 * receives, processing's supplement request arrives on Kafka; real PostgreSQL and Kafka, the
 * service on the test's clock.
 */
describe('intake: the reception queue', () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(IntakeModule, {
      service: 'intake',
      config: IntakeConfig,
      isolate: { prefix: 'intake_reception_queue_e2e' },
      env: { APPLICANT_REF_KEY: 'queue-e2e-applicant-ref-key-0123456789' },
      topics: [Topics.processing],
      clock,
    });
  });
  afterAll(() => h?.close());

  const desk = (unit = 'H56.22') => h.officer('RECEPTION_OFFICER', unit, `reception-${unit}`);
  const call = (method: string, path: string, headers: Record<string, string>, payload?: unknown) =>
    fetch(`${h.base}${path}`, { method, headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, body: payload === undefined ? undefined : JSON.stringify(payload) });
  const queue = (who: Record<string, string>, query = '') => call('GET', `/reception-queue${query}`, who);
  const page = async (who: Record<string, string>, query = '') => {
    const response = await queue(who, query);
    expect(response.status).toBe(200);
    return (await response.json()) as ReceptionQueue;
  };
  async function walk(query: string, between: () => Promise<void> = async () => undefined): Promise<QueueItem[]> {
    const items: QueueItem[] = [];
    let after: string | null = null;
    do {
      const current = await page(desk(), `?${query}${after ? `&after=${after}` : ''}`);
      items.push(...current.items);
      after = current.next;
      await between();
    } while (after);
    return items;
  }
  /** The queue's item for a dossier once the read model shows it as `done` wants. */
  const eventuallyListed = (dossierId: string, done: (item: QueueItem | undefined) => boolean, query = 'limit=200') =>
    eventually(async () => (await walk(query)).find((i) => i.dossierId === dossierId), done, { ...KAFKA_WAIT, what: `${dossierId} in the reception queue` });

  const landTransfer = {
    procedureCode: 'SAMPLE.DD.01',
    unit: 'H56.22',
    applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Trần Văn Cường' },
    components: ['form', 'contract', 'certificate'].map((id) => ({ componentId: id, name: id, provenance: 'PAPER' })),
    delivery: 'COUNTER',
  };
  async function submitOnline(): Promise<string> {
    const response = await call('POST', '/dossiers', { ...h.portal(), 'idempotency-key': randomUUID() }, landTransfer);
    expect(response.status).toBe(201);
    return ((await response.json()) as { dossierId: string }).dossierId;
  }

  it('pages oldest first with no dossier twice or missed while new ones arrive between pages', async () => {
    const submitted: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(HOUR);
      submitted.push(await submitOnline());
    }
    await eventuallyListed(submitted[4], Boolean);
    const arrivals: string[] = [];
    const seen = await walk('limit=2', async () => {
      if (arrivals.length < 2) {
        clock.advance(HOUR);
        arrivals.push(await submitOnline());
      }
    });
    const ids = seen.map((i) => i.dossierId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => submitted.includes(id))).toEqual(submitted);
    expect(seen.map((i) => i.since)).toEqual([...seen.map((i) => i.since)].sort());
    expect(seen.find((i) => i.dossierId === submitted[0])).toMatchObject({ status: 'AWAITING_RECEPTION', channel: 'ONLINE', procedureCode: 'SAMPLE.DD.01', missing: null });
    await eventuallyListed(arrivals[1], Boolean);
  });

  it('follows a dossier through return, resubmission, reception and a supplement during processing', async () => {
    clock.advance(HOUR);
    const dossierId = await submitOnline();
    await eventuallyListed(dossierId, (i) => i?.status === 'AWAITING_RECEPTION');

    clock.advance(HOUR);
    const returnedAt = clock.now().toISOString();
    expect((await call('POST', `/dossiers/${dossierId}/return-for-supplement`, desk(), { missing: ['Bản sao hợp đồng có công chứng'] })).status).toBe(200);
    expect(await eventuallyListed(dossierId, (i) => i?.status === 'RETURNED', 'status=RETURNED')).toMatchObject({ since: returnedAt, missing: ['Bản sao hợp đồng có công chứng'] });

    clock.advance(HOUR);
    const providedAt = clock.now().toISOString();
    const scan = { componentId: 'contract', name: 'Hợp đồng (bản điện tử)', provenance: 'ELECTRONIC', documentId: 'doc-contract-2' };
    expect((await call('POST', `/dossiers/${dossierId}/supplements`, h.portal(), { components: [scan] })).status).toBe(200);
    expect(await eventuallyListed(dossierId, (i) => i?.status === 'AWAITING_RECEPTION', 'status=AWAITING_RECEPTION')).toMatchObject({ since: providedAt, missing: null });

    expect((await call('POST', `/dossiers/${dossierId}/receive`, desk())).status).toBe(200);
    await eventuallyListed(dossierId, (i) => i === undefined);

    const requestId = randomUUID();
    const requestedAt = new Date(clock.now().getTime() + HOUR).toISOString();
    const data: EventData<typeof SupplementRequested> = { dossierId, requestId, requestedAt, missing: ['Mảnh trích đo địa chính'], agency: 'H56.40', officerId: 'land-officer', sequence: 1 };
    await h.send(Topics.processing, integrationEvents.createEnvelope(SupplementRequested, { source: 'motcua/processing', subject: dossierId, time: requestedAt, data }));
    expect(await eventuallyListed(dossierId, (i) => i?.status === 'AWAITING_SUPPLEMENT', 'status=AWAITING_SUPPLEMENT')).toMatchObject({ since: requestedAt, missing: ['Mảnh trích đo địa chính'] });

    const brought = await call('POST', `/dossiers/${dossierId}/supplements`, desk(), { components: [{ componentId: 'survey', name: 'Mảnh trích đo', provenance: 'PAPER' }] });
    expect(brought.status).toBe(200);
    await eventuallyListed(dossierId, (i) => i === undefined);
  });

  it('filters by channel, procedure and days waited', async () => {
    clock.advance(HOUR);
    const old = await submitOnline();
    await eventuallyListed(old, Boolean);
    clock.advance(3 * 24 * HOUR);
    const fresh = await submitOnline();
    await eventuallyListed(fresh, Boolean);
    // A counter dossier is received in the act that submits it: never in the queue.
    const counter = await call('POST', '/dossiers/at-desk', { ...desk(), 'idempotency-key': randomUUID() }, { ...landTransfer, channel: 'COUNTER' });
    expect(counter.status).toBe(201);
    const counterId = ((await counter.json()) as { dossierId: string }).dossierId;

    const ids = async (query: string) => (await walk(query)).map((i) => i.dossierId);
    expect(await ids('channel=COUNTER')).toEqual([]);
    expect(await ids('channel=ONLINE')).toEqual(expect.arrayContaining([old, fresh]));
    expect(await ids('procedure=SAMPLE.XD.01')).toEqual([]);
    expect(await ids('procedure=SAMPLE.DD.01')).toEqual(expect.arrayContaining([old, fresh]));
    expect(await ids('minAgeDays=3')).toEqual(expect.arrayContaining([old]));
    expect(await ids('minAgeDays=3')).not.toContain(fresh);
    expect(await ids('maxAgeDays=0')).toEqual([fresh]);
    expect((await walk('minAgeDays=3')).find((i) => i.dossierId === old)?.ageDays).toBe(3);
    expect(await ids('limit=200')).not.toContain(counterId);
  });

  it('belongs to the unit’s reception officers: another unit or role gets 403 problem+json, bad input 400 naming the field', async () => {
    const refusal = async (response: Response) => [response.status, response.headers.get('content-type')?.split(';')[0], ((await response.json()) as { code: string }).code];
    expect(await refusal(await queue(desk('H56.30'), '?unit=H56.22'))).toEqual([403, 'application/problem+json', 'AUTH.OTHER_UNIT']);
    expect(await refusal(await queue(h.officer('PROCESSING_OFFICER', 'H56.22')))).toEqual([403, 'application/problem+json', 'AUTH.ROLE_NOT_ALLOWED']);
    expect((await page(desk('H56.30'))).items).toEqual([]);
    expect((await page(h.officer('ADMIN', 'H56'), '?unit=H56.22&limit=1')).items).toHaveLength(1);

    for (const [query, field] of [
      ['', 'unit'],
      ['?unit=H56.22&limit=0', 'limit'],
      ['?unit=H56.22&status=RECEIVED', 'status'],
      ['?unit=H56.22&channel=FAX', 'channel'],
      ['?unit=H56.22&minAgeDays=-1', 'minAgeDays'],
      ['?unit=H56.22&minAgeDays=3&maxAgeDays=1', 'minAgeDays'],
      ['?unit=H56.22&after=bm90LWEtY3Vyc29y', 'after'],
    ]) {
      const response = await queue(h.officer('ADMIN', 'H56'), query);
      expect([query, response.status, ((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)]).toEqual([query, 400, [field]]);
    }
  });

  it('rebuilds the reception queue from the service\'s own log into identical rows', async () => {
    const rows = async (db: PgDatabase) => (await db.query<{ row: string }>(`select to_jsonb(t)::text as row from intake.reception_queue t order by dossier_id`)).rows.map((r) => r.row);
    const before = await rows(h.db);
    expect(before.length).toBeGreaterThan(0);
    await h.app.close();
    // What an operator does to rebuild: empty the table and forget the checkpoint, with the service stopped.
    const db = PgDatabase.connect(process.env['DATABASE_URL'] as string);
    try {
      await db.query(`truncate intake.reception_queue`);
      await db.query(`delete from intake.checkpoints where subscription = 'projection:reception-queue'`);
    } finally {
      await db.close();
    }
    await h.boot();
    // Batches commit one at a time: wait for the last, then show any difference.
    expect(await eventually(() => rows(h.db), (after) => after.join('\n') === before.join('\n'), { ...KAFKA_WAIT, what: 'the reception queue rebuilt' })).toEqual(before);
  });
});
