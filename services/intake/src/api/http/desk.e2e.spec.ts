import { randomUUID } from 'node:crypto';
import { DossierResolved, EventData, integrationEvents, SupplementRequested, Topics } from '@motcua/contracts';
import { eventually, InProcessService, startInProcessService } from '@motcua/testing';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

/**
 * The one-stop desk over HTTP (real PostgreSQL and Kafka): counter and postal registration,
 * supplements before reception and during processing (processing's request arrives on Kafka,
 * built from libs/contracts), and withdrawal until processing decides.
 */
describe('intake: the one-stop desk over HTTP', () => {
  let h: InProcessService;
  let base: string;
  let portal: Record<string, string>;

  beforeAll(async () => {
    h = await startInProcessService(IntakeModule, {
      service: 'intake',
      config: IntakeConfig,
      isolate: { prefix: 'intake_desk_e2e' },
      env: { APPLICANT_REF_KEY: 'desk-e2e-applicant-ref-key-0123456789' },
      topics: [Topics.processing],
    });
    base = h.base;
    portal = h.portal();
  });
  afterAll(() => h?.close());

  const officer = (unit: string) => h.officer('RECEPTION_OFFICER', unit, `reception-${unit}`);
  const call = (method: string, path: string, headers: Record<string, string>, payload?: unknown) =>
    fetch(`${base}${path}`, { method, headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, body: payload === undefined ? undefined : JSON.stringify(payload) });
  const json = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;
  const eventCount = () => h.count('select count(*) as n from intake.events');
  const streamTypes = async (dossierId: string) =>
    (await h.db.query<{ event_type: string }>('select event_type from intake.events where stream_id = $1 order by stream_version', [dossierId])).rows.map((r) => r.event_type);

  const landTransfer = (overrides: Record<string, unknown> = {}) => ({
    channel: 'COUNTER',
    procedureCode: 'SAMPLE.DD.01',
    unit: 'H56.22',
    applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Trần Văn Cường' },
    components: ['form', 'contract', 'certificate'].map((id) => ({ componentId: id, name: id, provenance: 'PAPER' })),
    delivery: 'COUNTER',
    ...overrides,
  });
  const register = (payload: unknown, key = randomUUID(), unit = 'H56.22') => call('POST', '/dossiers/at-desk', { ...officer(unit), 'idempotency-key': key }, payload);
  const publishFromProcessing = (definition: typeof SupplementRequested | typeof DossierResolved, data: EventData<typeof SupplementRequested> | EventData<typeof DossierResolved>) => {
    const envelope = integrationEvents.createEnvelope(definition, { source: 'motcua/processing', subject: data.dossierId, time: new Date().toISOString(), data } as never);
    return h.send(Topics.processing, envelope);
  };

  it('registers a counter dossier, submitted and received in one act, with the receipt slip', async () => {
    const key = randomUUID();
    const response = await register(landTransfer(), key);
    expect(response.status).toBe(201);
    const slip = await json<{ dossierId: string; code: string; channel: string; receivedAt: string; dueAt: string; components: unknown[] }>(response);
    expect(slip).toMatchObject({ channel: 'COUNTER', code: expect.stringMatching(/^H56\.22-\d{6}-\d{4}$/) });
    expect(Date.parse(slip.dueAt)).toBeGreaterThan(Date.parse(slip.receivedAt));
    expect(await streamTypes(slip.dossierId)).toEqual(['DossierSubmitted', 'DossierReceived']);

    const again = await register(landTransfer(), key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(again)).toEqual(slip);
  });

  it('takes a counter-only procedure at the desk and a postal dossier', async () => {
    const permit = landTransfer({ procedureCode: 'SAMPLE.XD.01', components: ['form', 'drawings'].map((id) => ({ componentId: id, name: id, provenance: 'PAPER' })) });
    expect((await register(permit)).status).toBe(201);
    const postal = await register(landTransfer({ channel: 'POSTAL', delivery: 'POSTAL' }));
    expect(postal.status).toBe(201);
    expect(await json(postal)).toMatchObject({ channel: 'POSTAL' });
  });

  it.each([
    ['an officer of another unit', landTransfer(), 'H56.30', 403, 'AUTH.OTHER_UNIT', undefined],
    ['an online channel at the desk', landTransfer({ channel: 'ONLINE' }), 'H56.22', 400, 'REQUEST.INVALID', 'channel'],
    ['a missing required document', landTransfer({ components: [{ componentId: 'form', name: 'Đơn', provenance: 'PAPER' }] }), 'H56.22', 422, 'DOSSIER.MISSING_DOCUMENTS', 'components.contract'],
    ['an invalid citizen ID', landTransfer({ applicant: { kind: 'INDIVIDUAL', identifier: '999090001234', fullName: 'X' } }), 'H56.22', 400, 'REQUEST.INVALID', 'applicant.identifier'],
  ])('refuses %s and stores nothing', async (_case, payload, unit, status, code, field) => {
    const before = await eventCount();
    const response = await register(payload, randomUUID(), unit);
    expect(response.status).toBe(status);
    const problem = await json<{ code: string; errors?: { field: string }[] }>(response);
    expect(problem.code).toBe(code);
    if (field) expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(await eventCount()).toBe(before);
  });

  it("answers a Mẫu 02 return through the portal; reception then carries the supplemented components", async () => {
    const submitted = await call('POST', '/dossiers', { ...portal, 'idempotency-key': randomUUID() }, { ...landTransfer(), channel: undefined });
    expect(submitted.status).toBe(201);
    const { dossierId } = await json<{ dossierId: string }>(submitted);
    expect((await call('POST', `/dossiers/${dossierId}/return-for-supplement`, officer('H56.22'), { missing: ['Bản sao hợp đồng có công chứng'] })).status).toBe(200);

    const scan = { componentId: 'contract', name: 'Hợp đồng (bản điện tử)', provenance: 'ELECTRONIC', documentId: 'doc-contract-2' };
    const supplied = await call('POST', `/dossiers/${dossierId}/supplements`, portal, { components: [scan] });
    expect(supplied.status).toBe(200);
    expect(await json(supplied)).not.toHaveProperty('requestId');
    const view = await json<{ status: string; components: unknown[]; supplements: unknown[] }>(await call('GET', `/dossiers/${dossierId}`, officer('H56.22')));
    expect(view.status).toBe('SUBMITTED');
    // Every component the desk took, the replaced paper contract too, each with where it came from.
    expect(view.components).toEqual([
      { componentId: 'form', name: 'form', provenance: 'PAPER', broughtBy: { kind: 'SUBMISSION' }, current: true },
      { componentId: 'contract', name: 'contract', provenance: 'PAPER', broughtBy: { kind: 'SUBMISSION' }, current: false },
      { componentId: 'certificate', name: 'certificate', provenance: 'PAPER', broughtBy: { kind: 'SUBMISSION' }, current: true },
      { ...scan, broughtBy: { kind: 'SUPPLEMENT', sequence: 1, providedAt: expect.any(String), beforeReception: true }, current: true },
    ]);
    expect(view.supplements).toEqual([{ sequence: 1, providedAt: expect.any(String), beforeReception: true, componentIds: ['contract'] }]);

    const slip = await json<{ components: { componentId: string; provenance: string }[] }>(await call('POST', `/dossiers/${dossierId}/receive`, officer('H56.22')));
    expect(slip.components.find((c) => c.componentId === 'contract')).toEqual({ componentId: 'contract', name: scan.name, provenance: 'ELECTRONIC' });
  });

  it('refuses a submitted dossier (Mẫu 03), answering the instant of the refusal; a received one is not refused', async () => {
    const submitted = await call('POST', '/dossiers', { ...portal, 'idempotency-key': randomUUID() }, { ...landTransfer(), channel: undefined });
    const { dossierId } = await json<{ dossierId: string }>(submitted);
    const refused = await call('POST', `/dossiers/${dossierId}/reject`, officer('H56.22'), { reason: 'Thủ tục không thuộc thẩm quyền tiếp nhận' });
    expect(refused.status).toBe(200);
    const answer = await json<{ status: string; rejectedAt: string }>(refused);
    expect(answer).toMatchObject({ dossierId, status: 'REJECTED', rejectedAt: expect.any(String) });
    const events = await h.db.query<{ data: { rejectedAt: string } }>(`select data from intake.events where stream_id = $1 and event_type = 'DossierRejected'`, [dossierId]);
    expect(events.rows.map((r) => r.data.rejectedAt)).toEqual([answer.rejectedAt]);

    const slip = await json<{ dossierId: string }>(await register(landTransfer()));
    expect((await call('POST', `/dossiers/${slip.dossierId}/reject`, officer('H56.22'), { reason: 'Không đủ điều kiện' })).status).toBe(409);
  });

  it('answers a reception act repeated with its Idempotency-Key with the first answer, stores no personal data with it, and refuses the key with another body', async () => {
    const submit = async () => json<{ dossierId: string }>(await call('POST', '/dossiers', { ...portal, 'idempotency-key': randomUUID() }, { ...landTransfer(), channel: undefined }));
    const retried = async (path: string, body: unknown) => {
      const key = randomUUID();
      const first = await call('POST', path, { ...officer('H56.22'), 'idempotency-key': key }, body);
      const again = await call('POST', path, { ...officer('H56.22'), 'idempotency-key': key }, body);
      return { key, first, again, answers: [await json(first), await json(again)] };
    };

    const received = await submit();
    const receipt = await retried(`/dossiers/${received.dossierId}/receive`, undefined);
    expect([receipt.first.status, receipt.again.status]).toEqual([200, 200]);
    expect([receipt.first.headers.get('idempotent-replayed'), receipt.again.headers.get('idempotent-replayed')]).toEqual(['false', 'true']);
    expect(receipt.answers[1]).toEqual(receipt.answers[0]);
    expect(receipt.answers[0]).toMatchObject({ dossierId: received.dossierId, form: expect.objectContaining({ form: '01' }) });
    expect(await streamTypes(received.dossierId)).toEqual(['DossierSubmitted', 'DossierReceived']);
    // The receipt names the applicant; the stored first answer does not.
    const stored = await h.db.query<{ response: string }>('select response::text from intake.idempotency_keys where key = $1', [receipt.key]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].response).not.toContain('Trần Văn Cường');
    expect(stored.rows[0].response).not.toContain('038090001234');
    // Without a key a repeat is the domain's to refuse, as before.
    expect((await call('POST', `/dossiers/${received.dossierId}/receive`, officer('H56.22'))).status).toBe(409);

    const returned = await submit();
    const back = await retried(`/dossiers/${returned.dossierId}/return-for-supplement`, { missing: ['Hợp đồng chuyển nhượng có công chứng'] });
    expect([back.first.status, back.again.status]).toEqual([200, 200]);
    expect(back.answers[1]).toEqual(back.answers[0]);
    const reused = await call('POST', `/dossiers/${returned.dossierId}/return-for-supplement`, { ...officer('H56.22'), 'idempotency-key': back.key }, { missing: ['Giấy tờ khác'] });
    expect(reused.status).toBe(422);
    expect(await json(reused)).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    const supplied = await retried(`/dossiers/${returned.dossierId}/supplements`, { components: [{ componentId: 'contract', name: 'Hợp đồng', provenance: 'PAPER' }] });
    expect(supplied.answers[1]).toEqual(supplied.answers[0]);
    expect(await streamTypes(returned.dossierId)).toEqual(['DossierSubmitted', 'DossierReturnedForSupplement', 'SupplementProvided']);

    const rejected = await submit();
    const refusal = await retried(`/dossiers/${rejected.dossierId}/reject`, { reason: 'Thủ tục không thuộc thẩm quyền tiếp nhận' });
    expect(refusal.answers[1]).toEqual(refusal.answers[0]);
    expect(await streamTypes(rejected.dossierId)).toEqual(['DossierSubmitted', 'DossierRejected']);

    const withdrawn = await submit();
    const withdrawal = await retried(`/dossiers/${withdrawn.dossierId}/withdraw`, { reason: 'Người dân không còn nhu cầu' });
    expect(withdrawal.answers[1]).toEqual(withdrawal.answers[0]);
    expect(await streamTypes(withdrawn.dossierId)).toEqual(['DossierSubmitted', 'DossierWithdrawn']);

    const badKey = await call('POST', `/dossiers/${withdrawn.dossierId}/withdraw`, { ...officer('H56.22'), 'idempotency-key': 'short' }, {});
    expect(badKey.status).toBe(400);
    expect(await json(badKey)).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
  });

  it("takes the documents a department asked for, once, naming its request", async () => {
    const { dossierId } = await json<{ dossierId: string }>(await register(landTransfer()));
    const bring = () => call('POST', `/dossiers/${dossierId}/supplements`, officer('H56.22'), { components: [{ componentId: 'survey', name: 'Mảnh trích đo', provenance: 'PAPER' }] });

    const unasked = await bring();
    expect(unasked.status).toBe(409);
    expect((await json<{ code: string }>(unasked)).code).toBe('DOSSIER.NO_SUPPLEMENT_AWAITED');

    const requestId = randomUUID();
    await publishFromProcessing(SupplementRequested, { dossierId, requestId, requestedAt: new Date().toISOString(), missing: ['Mảnh trích đo địa chính'], agency: 'H56.40', officerId: 'land-officer', sequence: 1 });
    const view = await eventually(async () => json<{ awaitedSupplement?: { requestId: string } }>(await call('GET', `/dossiers/${dossierId}`, officer('H56.22'))), (v) => Boolean(v.awaitedSupplement), { what: 'the request noted at the desk', timeoutMs: 60_000 });
    expect(view.awaitedSupplement).toEqual({ requestId, missing: ['Mảnh trích đo địa chính'] });

    const answered = await bring();
    expect(answered.status).toBe(200);
    expect(await json(answered)).toMatchObject({ dossierId, requestId });
    expect((await bring()).status).toBe(409);
    expect(await streamTypes(dossierId)).toEqual(['DossierSubmitted', 'DossierReceived', 'SupplementAwaited', 'SupplementProvided']);
    const after = await json<{ components: { componentId: string }[]; supplements: unknown[] }>(await call('GET', `/dossiers/${dossierId}`, officer('H56.22')));
    expect(after.components.find((c) => c.componentId === 'survey')).toEqual({
      componentId: 'survey',
      name: 'Mảnh trích đo',
      provenance: 'PAPER',
      broughtBy: { kind: 'SUPPLEMENT', sequence: 1, providedAt: expect.any(String), requestId, beforeReception: false },
      current: true,
    });
    expect(after.supplements).toEqual([{ sequence: 1, providedAt: expect.any(String), requestId, beforeReception: false, componentIds: ['survey'] }]);
  });

  it('withdraws until processing decides; then withdrawal is closed', async () => {
    const first = await json<{ dossierId: string; code: string }>(await register(landTransfer()));
    const withdrawn = await call('POST', `/dossiers/${first.dossierId}/withdraw`, officer('H56.22'), { reason: 'Người dân không còn nhu cầu' });
    expect(withdrawn.status).toBe(200);
    expect(await json(withdrawn)).toMatchObject({ dossierId: first.dossierId, status: 'WITHDRAWN' });
    const twice = await call('POST', `/dossiers/${first.dossierId}/withdraw`, officer('H56.22'), {});
    expect(twice.status).toBe(409);

    const second = await json<{ dossierId: string; code: string; receivedAt: string; dueAt: string }>(await register(landTransfer()));
    await publishFromProcessing(DossierResolved, {
      dossierId: second.dossierId, code: second.code, outcome: 'APPROVED', resolvedAt: new Date().toISOString(), receivedAt: second.receivedAt, dueAt: second.dueAt,
      onTime: true, supplementCount: 0, pausedWorkingMinutes: 0, resultDocuments: [{ documentId: 'result-1', name: 'Giấy chứng nhận' }], channel: 'COUNTER', delivery: 'COUNTER',
      applicantRef: 'b'.repeat(64), unit: 'H56.22', procedureCode: 'SAMPLE.DD.01', procedureVersion: 1, eResultAllowed: false, returnsDocument: true, decidedBy: 'leader-1',
    });
    await eventually(async () => json<{ status: string }>(await call('GET', `/dossiers/${second.dossierId}`, officer('H56.22'))), (v) => v.status === 'CONCLUDED', { what: 'the decision noted at the desk', timeoutMs: 60_000 });
    const late = await call('POST', `/dossiers/${second.dossierId}/withdraw`, officer('H56.22'), {});
    expect(late.status).toBe(409);
    expect((await json<{ code: string }>(late)).code).toBe('DOSSIER.CLOSED');
  });

  it('keeps the dossier view to its unit and refuses a bad supplement body naming the field', async () => {
    const { dossierId } = await json<{ dossierId: string }>(await register(landTransfer()));
    expect((await call('GET', `/dossiers/${dossierId}`, officer('H56.30'))).status).toBe(403);
    expect((await call('GET', `/dossiers/${randomUUID()}`, officer('H56.22'))).status).toBe(404);
    const before = await eventCount();
    const empty = await call('POST', `/dossiers/${dossierId}/supplements`, portal, { components: [] });
    expect(empty.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(empty)).errors.map((e) => e.field)).toEqual(['components']);
    expect(await eventCount()).toBe(before);
  });
});
