import { randomUUID } from 'node:crypto';
import { integrationEvents, Topics } from '@motcua/contracts';
import { eventually, InProcessService, startInProcessService } from '@motcua/testing';
import { Kafka, logLevel } from 'kafkajs';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

const citizenId = '038090001234';

describe('intake: online submission over HTTP (real PostgreSQL and Kafka)', () => {
  let h: InProcessService;
  let base: string;

  beforeAll(async () => {
    // Its own database and consumer groups: the counts below see this file's writes only.
    h = await startInProcessService(IntakeModule, {
      service: 'intake',
      config: IntakeConfig,
      isolate: { prefix: 'intake_e2e' },
      env: { APPLICANT_REF_KEY: 'intake-e2e-applicant-ref-key-0123456789' },
    });
    base = h.base;
  });
  afterAll(() => h?.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    procedureCode: 'SAMPLE.LLTP.01',
    unit: 'H56.10',
    applicant: { kind: 'INDIVIDUAL', identifier: citizenId, fullName: 'Nguyễn Văn An', phone: '0912345678' },
    components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'ELECTRONIC', documentId: 'doc-1' }],
    delivery: 'ONLINE',
    ...overrides,
  });
  const post = (payload: unknown, key: string | null = randomUUID()) =>
    fetch(`${base}/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...h.portal(), ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(payload),
    });
  /** Rows in intake's tables that a submission writes. */
  const stored = async () => {
    const count = (table: string) => h.count(`select count(*) as n from intake.${table}`);
    return { events: await count('events'), applicants: await count('applicants'), keys: await count('idempotency_keys'), codes: await count('dossier_code_sequences') };
  };
  const problem = async (response: Response) => (await response.json()) as { code: string; errors?: { field: string }[]; detail: string };

  it('submits, answers a repeat with the same dossier, and publishes the event without personal data', async () => {
    const key = randomUUID();
    const first = await post(body(), key);
    expect(first.status).toBe(201);
    const submitted = (await first.json()) as { dossierId: string; code: string; status: string };
    expect(submitted).toMatchObject({ status: 'SUBMITTED', code: expect.stringMatching(/^H56\.10-\d{6}-0001$/) });

    const again = await post(body(), key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(submitted);

    const reused = await post(body({ delivery: 'POSTAL' }), key);
    expect(reused.status).toBe(422);
    expect((await problem(reused)).code).toBe('IDEMPOTENCY.KEY_REUSED');

    const kafka = new Kafka({ brokers: String(process.env['KAFKA_BROKERS']).split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `e2e-${randomUUID()}` });
    const seen: { key: string; value: string }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.intake, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push({ key: String(message.key), value: String(message.value) }) });
    try {
      const found = await eventually(async () => seen.find((m) => m.key === submitted.dossierId), Boolean, { what: 'DossierSubmitted on Kafka' });
      const message = found as { key: string; value: string };
      const envelope = integrationEvents.decode(message.value);
      expect(envelope).toMatchObject({ type: 'DossierSubmitted', subject: submitted.dossierId, data: { code: submitted.code, channel: 'ONLINE' } });
      for (const personal of [citizenId, 'Nguyễn Văn An', '0912345678']) expect(message.value).not.toContain(personal);
      expect(seen.filter((m) => m.key === submitted.dossierId)).toHaveLength(1);
    } finally {
      await consumer.disconnect();
    }
  });

  it.each([
    ['an unknown procedure', body({ procedureCode: 'NO.SUCH' }), 422, 'PROCEDURE.NOT_FOUND', 'procedureCode'],
    ['a unit that does not receive the procedure', body({ unit: 'H56.22' }), 422, 'PROCEDURE.NOT_OFFERED_AT_UNIT', undefined],
    ['a missing required document', body({ procedureCode: 'SAMPLE.HT.01', unit: 'H56.22' }), 422, 'DOSSIER.MISSING_DOCUMENTS', 'components.birth-certificate'],
    ['an invalid citizen ID', body({ applicant: { kind: 'INDIVIDUAL', identifier: '003090001234', fullName: 'A' } }), 400, 'REQUEST.INVALID', 'applicant.identifier'],
    ['a counter-only procedure online', body({ procedureCode: 'SAMPLE.XD.01', unit: 'H56.22', components: [{ componentId: 'form', name: 'Đơn', provenance: 'PAPER' }, { componentId: 'drawings', name: 'Bản vẽ', provenance: 'PAPER' }] }), 422, 'PROCEDURE.NOT_ONLINE', undefined],
    ['an unknown property', { ...body(), citizenSecret: 'x' }, 400, 'REQUEST.INVALID', 'citizenSecret'],
  ])('refuses %s with a 4xx naming the problem, storing nothing', async (_case, payload, status, code, field) => {
    const before = await stored();
    const response = await post(payload);
    expect(await stored()).toEqual(before);
    expect(response.status).toBe(status);
    const body = await problem(response);
    expect(body.code).toBe(code);
    if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
    expect(JSON.stringify(body)).not.toContain(citizenId);
  });

  describe('reception', () => {
    const officer = (unit: string, role: 'RECEPTION_OFFICER' | 'PROCESSING_OFFICER' = 'RECEPTION_OFFICER') => h.officer(role, unit, `officer-${unit}`);
    const receive = (dossierId: string, headers: Record<string, string>) => fetch(`${base}/dossiers/${dossierId}/receive`, { method: 'POST', headers });
    const submitOne = async () => (await (await post(body())).json()) as { dossierId: string; code: string };

    it('receives a dossier at its unit, starting the legal clock, and only once', async () => {
      const { dossierId, code } = await submitOne();
      const response = await receive(dossierId, officer('H56.10'));
      expect(response.status).toBe(200);
      const slip = (await response.json()) as { code: string; receivedAt: string; dueAt: string; procedure: { code: string } };
      expect(slip).toMatchObject({ code, procedure: { code: 'SAMPLE.LLTP.01' } });
      expect(Date.parse(slip.dueAt)).toBeGreaterThan(Date.parse(slip.receivedAt) + 10 * 86_400_000);
      const again = await receive(dossierId, officer('H56.10'));
      expect(again.status).toBe(409);
      expect((await problem(again)).code).toBe('DOSSIER.ALREADY_RECEIVED');
    });

    it("refuses an officer of another unit (403) and one without the role (403)", async () => {
      const { dossierId } = await submitOne();
      const other = await receive(dossierId, officer('H56.22'));
      expect(other.status).toBe(403);
      expect((await problem(other)).code).toBe('AUTH.OTHER_UNIT');
      expect((await receive(dossierId, officer('H56.10', 'PROCESSING_OFFICER'))).status).toBe(403);
    });

    it('lets one of two officers receiving at once succeed; the other gets 409', async () => {
      const { dossierId } = await submitOne();
      const before = await stored();
      const statuses = (await Promise.all([receive(dossierId, officer('H56.10')), receive(dossierId, officer('H56.10'))])).map((r) => r.status);
      expect(statuses.sort()).toEqual([200, 409]);
      expect((await stored()).events).toBe(before.events + 1);
    });

    const act = (dossierId: string, action: string, payload: unknown) =>
      fetch(`${base}/dossiers/${dossierId}/${action}`, { method: 'POST', headers: { ...officer('H56.10'), 'content-type': 'application/json' }, body: JSON.stringify(payload) });

    it('returns a dossier for supplement (Mẫu 02); it cannot be received until supplemented', async () => {
      const { dossierId } = await submitOne();
      const returned = await act(dossierId, 'return-for-supplement', { missing: ['Bản sao sổ hộ khẩu', 'Ảnh 4x6'] });
      expect(returned.status).toBe(200);
      expect(await returned.json()).toMatchObject({ dossierId, status: 'RETURNED_FOR_SUPPLEMENT', sequence: 1, form: { form: '02' } });
      const receiving = await receive(dossierId, officer('H56.10'));
      expect(receiving.status).toBe(409);
      expect((await problem(receiving)).code).toBe('DOSSIER.ILLEGAL_TRANSITION');
    });

    it('rejects a dossier (Mẫu 03); a rejected dossier takes no more changes', async () => {
      const { dossierId } = await submitOne();
      expect((await act(dossierId, 'reject', { reason: 'Không thuộc thẩm quyền giải quyết' })).status).toBe(200);
      const receiving = await receive(dossierId, officer('H56.10'));
      expect(receiving.status).toBe(409);
      expect((await problem(receiving)).code).toBe('DOSSIER.CLOSED');
    });

    it('names the field of a bad desk decision and changes nothing', async () => {
      const { dossierId } = await submitOne();
      const before = await stored();
      const noReason = await act(dossierId, 'reject', { reason: '' });
      expect(noReason.status).toBe(400);
      expect((await problem(noReason)).errors?.map((e) => e.field)).toEqual(['reason']);
      const nothingMissing = await act(dossierId, 'return-for-supplement', { missing: [] });
      expect(nothingMissing.status).toBe(400);
      expect((await problem(nothingMissing)).errors?.map((e) => e.field)).toEqual(['missing']);
      expect(await stored()).toEqual(before);
    });

    it('answers an unknown dossier with 404', async () => {
      const response = await receive(randomUUID(), officer('H56.10'));
      expect(response.status).toBe(404);
      expect((await problem(response)).code).toBe('DOSSIER.NOT_FOUND');
    });
  });

  it('refuses a malformed body (400) and an oversized one (413), storing nothing', async () => {
    const before = await stored();
    const send = (raw: string) =>
      fetch(`${base}/dossiers`, { method: 'POST', headers: { 'content-type': 'application/json', ...h.portal(), 'idempotency-key': randomUUID() }, body: raw });
    const malformed = await send('{"procedureCode": "SAMPLE.LLTP.01", ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    const oversized = await send(JSON.stringify(body({ components: [{ componentId: 'form', name: 'x'.repeat(2 * 1024 * 1024), provenance: 'PAPER' }] })));
    expect(oversized.status).toBe(413);
    expect((await problem(oversized)).code).toBe('REQUEST.TOO_LARGE');
    expect(await stored()).toEqual(before);
  });

  it('requires an Idempotency-Key', async () => {
    const response = await post(body(), null);
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.[0].field).toBe('Idempotency-Key');
  });
});
