import { randomUUID } from 'node:crypto';
import { Role } from '@motcua/platform';
import { eventually, InProcessService } from '@motcua/testing';
import type { ResultView } from '../../application/get-result/get-result.query';
import type { ResultList } from '../../application/list-results/list-results.query';
import { documentStored, dossierResolved, peersOf, sha256, startIssuance } from '../../testing/issuance.harness';

/** A new member may wait for a stale one of another spec to leave the shared topics' groups. */
const KAFKA_WAIT = { timeoutMs: 60_000 };

/**
 * An inter-agency dossier received at the one-stop desk of H56.22 and decided by H56.30, its
 * last agency: the decision arrives from processing and the documents from digitisation on their
 * real topics; officers act over REST. Real PostgreSQL and Kafka throughout.
 */
describe('issuance: ways out of a blocked issuance, and who issues an inter-agency result (real PostgreSQL and Kafka)', () => {
  let h: InProcessService;
  let peers: ReturnType<typeof peersOf>;

  beforeAll(async () => {
    h = await startIssuance('issuance_ways_out_int');
    peers = peersOf(h);
  });
  afterAll(() => h?.close());

  const RECEIVING = 'H56.22';
  const DECIDING = 'H56.30';
  const officer = (role: Exclude<Role, 'PORTAL'>, unit: string) => h.officer(role, unit);
  const json = async <T>(response: Response) => (await response.json()) as T;
  const problem = async (response: Response) => [response.status, (await json<{ code: string }>(response)).code];
  const get = (dossierId: string, who: Record<string, string>) => fetch(`${h.base}/results/${dossierId}`, { headers: who });
  const view = (dossierId: string, who = officer('LEADER', DECIDING)) => get(dossierId, who).then((r) => json<ResultView>(r));
  const post = (path: string, who: Record<string, string>, body: unknown) =>
    fetch(`${h.base}${path}`, { method: 'POST', headers: { ...who, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const streamTypes = async (dossierId: string) => (await h.store.readStream(dossierId)).map((e) => e.type);
  const publishedTypes = async (dossierId: string) => (await h.published(dossierId)).map((e) => e.type);

  const draft = Buffer.from('%PDF-1.7 Giấy chứng nhận (bản dự thảo, sample)');
  const fixed = Buffer.from('%PDF-1.7 Giấy chứng nhận (bản đã sửa, sample)');
  const interAgency = (overrides: Parameters<typeof dossierResolved>[0] = {}) =>
    dossierResolved({ unit: RECEIVING, decidedBy: `leader@${DECIDING}`, decidingStep: { agency: DECIDING, step: 3, workingMinutesSpent: 900 }, ...overrides });

  /** The decision named a hash the stored file does not have: nothing is signed. */
  async function blocked(overrides: Parameters<typeof dossierResolved>[0] = {}) {
    const resolved = interAgency(overrides);
    resolved.resultDocuments[0].sha256 = sha256(fixed);
    await peers.resolve(resolved);
    await peers.store(documentStored(resolved.resultDocuments[0].documentId, draft));
    await eventually(() => view(resolved.dossierId), (v) => v.status === 'BLOCKED', { ...KAFKA_WAIT, what: 'the issuance blocked' });
    return resolved;
  }

  it('re-issues a blocked result with a corrected document: signed for the deciding agency, verifiable, both attempts in the history', async () => {
    const resolved = await blocked();
    const id = resolved.dossierId;
    const correctedId = `doc-corrected-${id}`;
    const reissue = (who: Record<string, string>, body: unknown) => post(`/results/${id}/reissues`, who, body);

    // The receiving unit hands results over; it does not sign them. Nor does a desk, or a portal.
    expect(await problem(await reissue(officer('LEADER', RECEIVING), { documentId: correctedId, sha256: sha256(fixed) }))).toEqual([403, 'AUTH.OTHER_UNIT']);
    expect(await problem(await reissue(officer('RECEPTION_OFFICER', DECIDING), { documentId: correctedId, sha256: sha256(fixed) }))).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    expect((await reissue(h.portal(), { documentId: correctedId, sha256: sha256(fixed) })).status).toBe(403);
    const bad = await reissue(officer('LEADER', DECIDING), { documentId: correctedId, sha256: 'F'.repeat(64) });
    expect([bad.status, (await json<{ errors: { field: string }[] }>(bad)).errors.map((e) => e.field)]).toEqual([400, ['sha256']]);
    expect(await streamTypes(id)).toEqual(['ResolutionNoted', 'IssuanceBlocked']);

    // Named before digitisation reported it: the result waits for the document, then is signed.
    const named = await reissue(officer('LEADER', DECIDING), { documentId: correctedId, sha256: sha256(fixed) });
    expect(named.status).toBe(201);
    expect(await json(named)).toMatchObject({ status: 'RESOLVED', awaiting: 'DOCUMENT', blocked: null, resultDocument: { documentId: correctedId } });
    expect(await problem(await reissue(officer('LEADER', DECIDING), { documentId: correctedId, sha256: sha256(fixed) }))).toEqual([409, 'RESULT.NOT_BLOCKED']);
    await peers.store(documentStored(correctedId, fixed, '2025-03-11T02:00:00.000Z'));
    const result = await eventually(() => view(id), (v) => v.status === 'ISSUED', { ...KAFKA_WAIT, what: 'the corrected document signed' });

    expect(result).toMatchObject({ issuer: DECIDING, unit: RECEIVING, electronic: { documentId: correctedId, sha256: sha256(fixed), manifest: { issuer: DECIDING, document: { documentId: correctedId } } } });
    expect(result.history.map((entry) => entry.act)).toEqual(['RESOLVED', 'BLOCKED', 'CORRECTED_DOCUMENT_NAMED', 'ISSUED']);
    expect(result.history[1]).toMatchObject({ documentId: resolved.resultDocuments[0].documentId, expectedSha256: sha256(fixed), storedSha256: sha256(draft) });
    expect(result.history[2]).toMatchObject({ documentId: correctedId, by: `leader@${DECIDING}` });
    const { manifest, signature } = result.electronic as NonNullable<ResultView['electronic']>;
    expect(await json(await post('/verifications', {}, { manifest, signature, document: fixed.toString('base64') }))).toMatchObject({ valid: true, documentChecked: true });
    expect(await json(await post('/verifications', {}, { manifest, signature, document: draft.toString('base64') }))).toMatchObject({ valid: false, reasons: ['DOCUMENT_HASH_MISMATCH'] });

    // The officer's acts stay in issuance's log; only the e-result is published.
    await eventually(() => publishedTypes(id), (types) => types.length >= 1, { ...KAFKA_WAIT, what: 'ResultIssued published' });
    expect(await publishedTypes(id)).toEqual(['ResultIssued']);
    expect((await h.published(id))[0]).toMatchObject({ data: { result: { form: 'ELECTRONIC', documentId: correctedId, sha256: sha256(fixed) } } });

    // The receiving unit's desk hands it over; the deciding agency's desk does not.
    expect(await problem(await post(`/results/${id}/deliveries`, officer('RECEPTION_OFFICER', DECIDING), { method: 'COUNTER' }))).toEqual([403, 'AUTH.OTHER_UNIT']);
    expect((await post(`/results/${id}/deliveries`, officer('RECEPTION_OFFICER', RECEIVING), { method: 'COUNTER' })).status).toBe(201);
    expect((await view(id)).status).toBe('COMPLETED');
  });

  it('signs at once a corrected document already stored, after blocking a second attempt named with another hash', async () => {
    const resolved = await blocked();
    const id = resolved.dossierId;
    const correctedId = `doc-corrected-${id}`;
    await peers.store(documentStored(correctedId, fixed, '2025-03-11T02:00:00.000Z'));
    const leader = officer('PROCESSING_OFFICER', DECIDING);
    // Digitisation's report may trail the officer; the attempt then waits instead of blocking.
    await eventually(
      () => h.db.query(`select 1 from issuance.stored_documents where document_id = $1`, [correctedId]).then((r) => r.rowCount),
      (n) => n === 1,
      { ...KAFKA_WAIT, what: 'the corrected document known' },
    );

    const wrong = await post(`/results/${id}/reissues`, leader, { documentId: correctedId, sha256: sha256(draft) });
    expect([wrong.status, (await json<ResultView>(wrong)).status]).toEqual([201, 'BLOCKED']);
    const right = await post(`/results/${id}/reissues`, leader, { documentId: correctedId, sha256: sha256(fixed) });
    const issued = await json<ResultView>(right);
    expect([right.status, issued.status, issued.electronic?.documentId]).toEqual([201, 'ISSUED', correctedId]);
    expect(issued.history.map((entry) => entry.act)).toEqual(['RESOLVED', 'BLOCKED', 'CORRECTED_DOCUMENT_NAMED', 'BLOCKED', 'CORRECTED_DOCUMENT_NAMED', 'ISSUED']);
    expect(await streamTypes(id)).toEqual(['ResolutionNoted', 'IssuanceBlocked', 'CorrectedDocumentNamed', 'IssuanceBlocked', 'CorrectedDocumentNamed', 'ResultIssued']);
  });

  it('switches a blocked result to paper: the deciding agency prints it, the receiving desk hands it over', async () => {
    const resolved = await blocked({ delivery: 'COUNTER' });
    const id = resolved.dossierId;
    const reason = 'Bản điện tử sai lệch so với quyết định, cấp bản giấy';

    expect(await problem(await post(`/results/${id}/switch-to-paper`, officer('LEADER', RECEIVING), { reason }))).toEqual([403, 'AUTH.OTHER_UNIT']);
    const missing = await post(`/results/${id}/switch-to-paper`, officer('LEADER', DECIDING), {});
    expect([missing.status, [...new Set((await json<{ errors: { field: string }[] }>(missing)).errors.map((e) => e.field))]]).toEqual([400, ['reason']]);
    expect(await problem(await post(`/results/${id}/paper`, officer('LEADER', DECIDING), { documentNumber: 'GCN-0042' }))).toEqual([409, 'RESULT.ELECTRONIC_EXPECTED']);

    const switched = await post(`/results/${id}/switch-to-paper`, officer('LEADER', DECIDING), { reason });
    expect(switched.status).toBe(200);
    expect(await json(switched)).toMatchObject({ status: 'RESOLVED', awaiting: 'PAPER_RESULT', blocked: null, switchedToPaper: { reason, by: `leader@${DECIDING}` } });
    expect(await problem(await post(`/results/${id}/switch-to-paper`, officer('LEADER', DECIDING), { reason }))).toEqual([409, 'RESULT.ALREADY_PAPER']);
    expect(await problem(await post(`/results/${id}/reissues`, officer('LEADER', DECIDING), { documentId: 'doc-x', sha256: sha256(fixed) }))).toEqual([409, 'RESULT.NOT_BLOCKED']);

    expect(await problem(await post(`/results/${id}/paper`, officer('PROCESSING_OFFICER', RECEIVING), { documentNumber: 'GCN-0042' }))).toEqual([403, 'AUTH.OTHER_UNIT']);
    // Both acts retried after a lost answer, with their Idempotency-Key: the first answer, recorded once.
    const retried = async (path: string, who: Record<string, string>, body: unknown) => {
      const key = randomUUID();
      const answers = [await post(path, { ...who, 'idempotency-key': key }, body), await post(path, { ...who, 'idempotency-key': key }, body)];
      return Promise.all(answers.map(async (r) => ({ status: r.status, replayed: r.headers.get('idempotent-replayed'), body: await json(r) })));
    };
    const printed = await retried(`/results/${id}/paper`, officer('LEADER', DECIDING), { documentNumber: 'GCN-0042' });
    expect(printed.map((a) => [a.status, a.replayed])).toEqual([[201, 'false'], [200, 'true']]);
    expect(printed[1].body).toEqual(printed[0].body);
    expect(await problem(await post(`/results/${id}/paper`, officer('LEADER', DECIDING), { documentNumber: 'GCN-0042' }))).toEqual([409, 'RESULT.ALREADY_ISSUED']);
    expect(await problem(await post(`/results/${id}/deliveries`, h.portal(), { method: 'ONLINE' }))).toEqual([409, 'RESULT.PAPER_NOT_ONLINE']);
    const handed = await retried(`/results/${id}/deliveries`, officer('RECEPTION_OFFICER', RECEIVING), { method: 'COUNTER' });
    expect(handed.map((a) => [a.status, a.replayed])).toEqual([[201, 'false'], [200, 'true']]);
    expect(handed[1].body).toEqual(handed[0].body);

    const done = await view(id, officer('RECEPTION_OFFICER', RECEIVING));
    expect(done).toMatchObject({ status: 'COMPLETED', electronic: null, paper: { documentNumber: 'GCN-0042' } });
    expect(done.history.map((entry) => entry.act)).toEqual(['RESOLVED', 'BLOCKED', 'SWITCHED_TO_PAPER', 'ISSUED', 'DELIVERED']);
    await eventually(() => publishedTypes(id), (types) => types.length >= 3, { ...KAFKA_WAIT, what: 'the paper result published' });
    expect(await publishedTypes(id)).toEqual(['ResultIssued', 'ResultDelivered', 'DossierCompleted']);
    expect((await h.published(id))[0]).toMatchObject({ data: { result: { form: 'PAPER', documentNumber: 'GCN-0042' } } });
  });

  it("lets the deciding agency's leader record a paper result, the receiving unit's officers read and deliver it, and lists it for both units", async () => {
    const resolved = interAgency({ eResultAllowed: false, delivery: 'COUNTER' });
    const id = resolved.dossierId;
    await peers.resolve(resolved);
    await eventually(() => view(id), (v) => v.awaiting === 'PAPER_RESULT', { ...KAFKA_WAIT, what: 'the resolution noted' });

    expect((await get(id, officer('RECEPTION_OFFICER', RECEIVING))).status).toBe(200);
    expect((await get(id, officer('LEADER', DECIDING))).status).toBe(200);
    expect(await problem(await get(id, officer('LEADER', 'H56.10')))).toEqual([403, 'AUTH.OTHER_UNIT']);

    expect(await problem(await post(`/results/${id}/paper`, officer('RECEPTION_OFFICER', RECEIVING), { documentNumber: 'GCN-1' }))).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    expect(await problem(await post(`/results/${id}/paper`, officer('LEADER', RECEIVING), { documentNumber: 'GCN-1' }))).toEqual([403, 'AUTH.OTHER_UNIT']);
    expect(await streamTypes(id)).toEqual(['ResolutionNoted']);
    expect((await post(`/results/${id}/paper`, officer('LEADER', DECIDING), { documentNumber: 'GCN-1' })).status).toBe(201);

    for (const unit of [RECEIVING, DECIDING]) {
      const listed = await eventually(
        async () => json<ResultList>(await fetch(`${h.base}/results?status=ISSUED`, { headers: officer('LEADER', unit) })),
        (list) => list.items.some((item) => item.dossierId === id),
        { what: `the result listed for ${unit}` },
      );
      expect(listed.items.find((item) => item.dossierId === id)).toMatchObject({ unit: RECEIVING, issuer: DECIDING, form: 'PAPER' });
    }
    const middle = await json<ResultList>(await fetch(`${h.base}/results?status=ISSUED`, { headers: officer('LEADER', 'H56.10') }));
    expect(middle.items.some((item) => item.dossierId === id)).toBe(false);

    expect(await problem(await post(`/results/${id}/deliveries`, officer('RECEPTION_OFFICER', DECIDING), { method: 'COUNTER' }))).toEqual([403, 'AUTH.OTHER_UNIT']);
    expect((await post(`/results/${id}/deliveries`, officer('RECEPTION_OFFICER', RECEIVING), { method: 'COUNTER' })).status).toBe(201);
  });

  it('keeps the receiving unit as issuer for a decision recorded before deciding agencies were', async () => {
    const { decidingStep: _none, ...legacy } = dossierResolved({ unit: RECEIVING });
    await peers.resolve(legacy);
    await peers.store(documentStored(legacy.resultDocuments[0].documentId, draft));
    const result = await eventually(() => view(legacy.dossierId, officer('LEADER', RECEIVING)), (v) => v.status === 'ISSUED', { ...KAFKA_WAIT, what: 'the legacy result signed' });
    expect(result).toMatchObject({ unit: RECEIVING, issuer: RECEIVING, electronic: { manifest: { issuer: RECEIVING } } });
  });
});
