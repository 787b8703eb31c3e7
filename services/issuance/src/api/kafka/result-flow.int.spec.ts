import { QueryBus } from '@nestjs/cqrs';
import { ForbiddenError, Role } from '@motcua/platform';
import { eventually, InProcessService } from '@motcua/testing';
import type { ResultView } from '../../application/get-result/get-result.query';
import { ListResults, ResultList, RESULTS_CURSOR } from '../../application/list-results/list-results.query';
import { documentStored, dossierResolved, peersOf, startIssuance } from '../../testing/issuance.harness';

/** A new member may wait for a stale one of another spec to leave the shared topics' groups. */
const KAFKA_WAIT = { timeoutMs: 60_000 };

/**
 * Processing's decision and digitisation's stored document arrive on their real topics in either
 * order; issuance signs once, publishes on its topic, answers the public verification, and
 * completes the dossier on delivery. Real PostgreSQL and Kafka throughout.
 */
describe('issuance: from resolution to completion (real PostgreSQL and Kafka)', () => {
  let h: InProcessService;
  let base: string;
  let peers: ReturnType<typeof peersOf>;

  beforeAll(async () => {
    h = await startIssuance('issuance_flow_int');
    base = h.base;
    peers = peersOf(h);
  });
  afterAll(() => h?.close());

  const officer = (role: Exclude<Role, 'PORTAL'>, unit: string) => h.officer(role, unit);
  const portal = () => h.portal();

  const json = async <T>(response: Response) => (await response.json()) as T;
  const problem = async (response: Response) => [response.status, (await json<{ code: string }>(response)).code];
  const get = (dossierId: string, who: Record<string, string> = portal()) => fetch(`${base}/results/${dossierId}`, { headers: who });
  const list = (query: string, who: Record<string, string>) => fetch(`${base}/results${query}`, { headers: who });
  const view = (dossierId: string, who?: Record<string, string>) => get(dossierId, who).then((r) => json<ResultView>(r));
  const post = (path: string, who: Record<string, string>, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { ...who, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const verify = (body: unknown) => post('/verifications', {}, body);
  // Other specs' issuance apps read the same shared topics and publish their own results for
  // these dossiers: ours are the events whose ids this app stored.
  const published = (dossierId: string) => h.published(dossierId);
  const publishedTypes = async (dossierId: string) => (await published(dossierId)).map((e) => e.type);
  const streamTypes = async (dossierId: string) => (await h.store.readStream(dossierId)).map((e) => e.type);
  const issued = (dossierId: string) => eventually(() => view(dossierId), (v) => v.status === 'ISSUED', { ...KAFKA_WAIT, what: 'the result issued' });

  const pdf = Buffer.from('%PDF-1.7 Giấy chứng nhận quyền sử dụng đất (sample)');

  it('signs the e-result when the document follows the decision, verifies it, and completes the dossier on online delivery', async () => {
    const resolved = dossierResolved();
    const documentId = resolved.resultDocuments[0].documentId;
    await peers.resolve(resolved);
    await eventually(() => view(resolved.dossierId), (v) => v.awaiting === 'DOCUMENT', { ...KAFKA_WAIT, what: 'the resolution noted' });
    await peers.store(documentStored(documentId, pdf));

    const result = await issued(resolved.dossierId);
    expect(result.electronic).toMatchObject({ documentId, algorithm: 'Ed25519', manifest: { dossierId: resolved.dossierId, issuer: 'H56.22', document: { documentId, mediaType: 'application/pdf' } } });
    const { manifest, signature, keyId } = result.electronic as NonNullable<ResultView['electronic']>;
    expect(manifest.keyId).toBe(keyId);
    const onTopic = await eventually(() => published(resolved.dossierId), (events) => events.length >= 1, { ...KAFKA_WAIT, what: 'ResultIssued on the issuance topic' });
    expect(onTopic[0]).toMatchObject({ type: 'ResultIssued', data: { result: { form: 'ELECTRONIC', documentId, keyId, signature, algorithm: 'Ed25519' } } });
    expect(onTopic[0].data).not.toHaveProperty('manifest');

    // The public verification, with no credentials; it writes nothing, valid or not.
    const streamBefore = await streamTypes(resolved.dossierId);
    const valid = await verify({ manifest, signature, document: pdf.toString('base64') });
    expect(valid.status).toBe(200);
    expect(await json(valid)).toEqual({ valid: true, reasons: [], keyId, keyStatus: 'ACTIVE', documentChecked: true });
    const tamperedDocument = Buffer.from(pdf);
    tamperedDocument[5] ^= 1;
    expect(await json(await verify({ manifest, signature, document: tamperedDocument.toString('base64') }))).toMatchObject({ valid: false, reasons: ['DOCUMENT_HASH_MISMATCH'] });
    expect(await json(await verify({ manifest: { ...manifest, outcome: 'DENIED' }, signature }))).toMatchObject({ valid: false, reasons: ['SIGNATURE_MISMATCH'] });
    // The same check with the file uploaded as it is (multipart/form-data).
    const form = new FormData();
    form.append('manifest', JSON.stringify(manifest));
    form.append('signature', signature);
    form.append('document', new Blob([pdf], { type: 'application/pdf' }), 'result.pdf');
    const uploaded = await fetch(`${base}/verifications`, { method: 'POST', body: form });
    expect([uploaded.status, await uploaded.json()]).toEqual([200, { valid: true, reasons: [], keyId, keyStatus: 'ACTIVE', documentChecked: true }]);
    expect(await streamTypes(resolved.dossierId)).toEqual(streamBefore);

    const delivered = await post(`/results/${resolved.dossierId}/deliveries`, portal(), { method: 'ONLINE' });
    expect(delivered.status).toBe(201);
    const again = await post(`/results/${resolved.dossierId}/deliveries`, officer('RECEPTION_OFFICER', 'H56.22'), { method: 'COUNTER' });
    expect(await problem(again)).toEqual([409, 'RESULT.ALREADY_DELIVERED']);
    expect(await streamTypes(resolved.dossierId)).toEqual([...streamBefore, 'ResultDelivered', 'DossierCompleted']);
    await eventually(() => publishedTypes(resolved.dossierId), (types) => types.length >= 3, { ...KAFKA_WAIT, what: 'delivery and completion published' });
    expect(await publishedTypes(resolved.dossierId)).toEqual(['ResultIssued', 'ResultDelivered', 'DossierCompleted']);
    expect((await view(resolved.dossierId)).status).toBe('COMPLETED');
  });

  it('signs once when the document was stored before the decision arrived, even if both are delivered twice', async () => {
    const resolved = dossierResolved({ outcome: 'DENIED' });
    const documentId = resolved.resultDocuments[0].documentId;
    const stored = documentStored(documentId, pdf);
    resolved.resultDocuments[0].sha256 = stored.sha256;
    await peers.store(stored);
    await peers.store(stored);
    await peers.resolve(resolved);
    await peers.resolve(resolved);
    await issued(resolved.dossierId);
    expect(await streamTypes(resolved.dossierId)).toEqual(['ResolutionNoted', 'ResultIssued']);
  });

  it('does not sign a document whose stored hash differs from the decision; officers see the issuance blocked', async () => {
    const resolved = dossierResolved();
    resolved.resultDocuments[0].sha256 = 'f'.repeat(64);
    await peers.resolve(resolved);
    await peers.store(documentStored(resolved.resultDocuments[0].documentId, pdf));
    const blocked = await eventually(() => view(resolved.dossierId, officer('LEADER', 'H56.22')), (v) => v.status === 'BLOCKED', { ...KAFKA_WAIT, what: 'the issuance blocked' });
    expect(blocked).toMatchObject({ awaiting: 'OFFICER_REVIEW', electronic: null, blocked: { reason: 'DOCUMENT_HASH_MISMATCH' } });
    expect(await streamTypes(resolved.dossierId)).toEqual(['ResolutionNoted', 'IssuanceBlocked']);
    const listed = await eventually(
      async () => json<ResultList>(await list('?status=BLOCKED', officer('LEADER', 'H56.22'))),
      (list) => list.items.some((item) => item.dossierId === resolved.dossierId),
      { what: 'the blocked issuance listed for the unit' },
    );
    expect(listed.items.find((item) => item.dossierId === resolved.dossierId)).toMatchObject({ status: 'BLOCKED', form: null, blocked: { reason: 'DOCUMENT_HASH_MISMATCH' } });
    expect(await problem(await list('?unit=H56.10', officer('LEADER', 'H56.22')))).toEqual([403, 'AUTH.OTHER_UNIT']);
    expect((await list('', portal())).status).toBe(403);
    expect(await problem(await list('?limit=0', officer('LEADER', 'H56.22')))).toEqual([400, 'REQUEST.INVALID']);
    const refused = await post(`/results/${resolved.dossierId}/deliveries`, portal(), { method: 'ONLINE' });
    expect(await problem(refused)).toEqual([409, 'RESULT.NOT_ISSUED']);
  });

  it('waits for an officer of the unit to issue the paper result of a procedure without e-results, then the desk hands it over', async () => {
    // Submitted online, handed over at the counter: the portal may look but not take delivery.
    const resolved = dossierResolved({ eResultAllowed: false, delivery: 'COUNTER' });
    const id = resolved.dossierId;
    await peers.resolve(resolved);
    // Digitisation's report of the draft changes nothing: this procedure signs nothing.
    await peers.store(documentStored(resolved.resultDocuments[0].documentId, pdf));
    await eventually(() => view(id), (v) => v.awaiting === 'PAPER_RESULT', { ...KAFKA_WAIT, what: 'the resolution noted' });

    const early = await post(`/results/${id}/deliveries`, officer('RECEPTION_OFFICER', 'H56.22'), { method: 'COUNTER' });
    expect(await problem(early)).toEqual([409, 'RESULT.NOT_ISSUED']);
    const otherUnit = await post(`/results/${id}/paper`, officer('PROCESSING_OFFICER', 'H56.10'), { documentNumber: 'GCN-0042' });
    expect(await problem(otherUnit)).toEqual([403, 'AUTH.OTHER_UNIT']);
    const portalPaper = await post(`/results/${id}/paper`, portal(), { documentNumber: 'GCN-0042' });
    expect(portalPaper.status).toBe(403);
    const missing = await post(`/results/${id}/paper`, officer('PROCESSING_OFFICER', 'H56.22'), {});
    expect([missing.status, (await json<{ errors: { field: string }[] }>(missing)).errors[0].field]).toEqual([400, 'documentNumber']);
    expect(await streamTypes(id)).toEqual(['ResolutionNoted']);

    const paper = await post(`/results/${id}/paper`, officer('PROCESSING_OFFICER', 'H56.22'), { documentNumber: 'GCN-0042' });
    expect(paper.status).toBe(201);
    const twice = await post(`/results/${id}/paper`, officer('PROCESSING_OFFICER', 'H56.22'), { documentNumber: 'GCN-0043' });
    expect(await problem(twice)).toEqual([409, 'RESULT.ALREADY_ISSUED']);
    const online = await post(`/results/${id}/deliveries`, portal(), { method: 'ONLINE' });
    expect(await problem(online)).toEqual([409, 'RESULT.PAPER_NOT_ONLINE']);
    const byPortal = await post(`/results/${id}/deliveries`, portal(), { method: 'COUNTER' });
    expect(await problem(byPortal)).toEqual([403, 'RESULT.DELIVERY_NOT_ALLOWED']);
    expect((await post(`/results/${id}/deliveries`, officer('RECEPTION_OFFICER', 'H56.22'), { method: 'COUNTER' })).status).toBe(201);

    await eventually(() => publishedTypes(id), (types) => types.length >= 3, { ...KAFKA_WAIT, what: 'the paper result published' });
    expect((await published(id))[0]).toMatchObject({ type: 'ResultIssued', data: { result: { form: 'PAPER', documentNumber: 'GCN-0042' }, applicantRef: resolved.applicantRef } });
    expect(await publishedTypes(id)).toEqual(['ResultIssued', 'ResultDelivered', 'DossierCompleted']);
  });

  it('completes an approval that returns no document when its notice is delivered', async () => {
    const resolved = dossierResolved({ returnsDocument: false, resultDocuments: [] });
    await peers.resolve(resolved);
    await eventually(() => view(resolved.dossierId), (v) => v.awaiting === 'DELIVERY', { ...KAFKA_WAIT, what: 'the resolution noted' });
    expect((await post(`/results/${resolved.dossierId}/deliveries`, portal(), { method: 'ONLINE' })).status).toBe(201);
    expect(await streamTypes(resolved.dossierId)).toEqual(['ResolutionNoted', 'ResultDelivered', 'DossierCompleted']);
  });

  it('pages a unit\'s results newest decision first, ties by dossier id, with no result twice or missed while results arrive', async () => {
    const unit = 'H56.77';
    const leader = officer('LEADER', unit);
    const at = ['2025-03-12T03:00:00.000Z', '2025-03-11T03:00:00.000Z', '2025-03-11T03:00:00.000Z', '2025-03-10T03:00:00.000Z'];
    const resolved = at.map((resolvedAt) => dossierResolved({ unit, resolvedAt, returnsDocument: false, resultDocuments: [] }));
    for (const r of resolved) await peers.resolve(r);
    const all = async () => (await json<ResultList>(await list('?limit=200', leader))).items;
    await eventually(all, (items) => items.length === resolved.length, { ...KAFKA_WAIT, what: 'the results listed' });
    const expected = [...resolved].sort((a, b) => b.resolvedAt.localeCompare(a.resolvedAt) || b.dossierId.localeCompare(a.dossierId)).map((r) => r.dossierId);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: ResultList = await json<ResultList>(await list(`?limit=1${after ? `&after=${after}` : ''}`, leader));
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((i) => i.dossierId));
      // A newer decision arriving mid-walk comes before the cursor: it shifts nothing still to read.
      if (seen.length === 1) await peers.resolve(dossierResolved({ unit, resolvedAt: '2025-03-13T03:00:00.000Z', returnsDocument: false, resultDocuments: [] }));
      after = page.next;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('refuses a page cursor that is not the next of a page with 400 naming after', async () => {
    const leader = officer('LEADER', 'H56.22');
    const fields = async (after: string) => {
      const response = await list(`?after=${encodeURIComponent(after)}`, leader);
      return [response.status, (await json<{ code: string; errors?: { field: string }[] }>(response)).errors?.map((e) => e.field)];
    };
    const id = '5f0c0e55-0000-4000-8000-000000000000';
    const cursor = (...keys: unknown[]) => Buffer.from(JSON.stringify(keys)).toString('base64url');
    for (const after of [
      // The plain `<resolvedAt>~<dossierId>` of earlier releases is no cursor any more.
      `2025-03-10T03:00:00.000Z~${id}`,
      cursor('2025-13-45T99:99:99.999Z', id),
      cursor('2025-03-10T03:00:00.000Z', '------------------------------------'),
      cursor('0000-01-01T00:00:00.000Z', id),
      cursor('+012345-01-01T00:00:00.000Z', id),
      cursor('2025-03-10T03:00:00.000Z', id, id),
      cursor('2025-03-10T03:00:00.000Z'),
    ]) {
      expect([after, await fields(after)]).toEqual([after, [400, ['after']]]);
    }
    expect((await list(`?after=${RESULTS_CURSOR.encode(['2025-03-10T03:00:00.000Z', id])}`, leader)).status).toBe(200);
  });

  it('refuses to list results for a portal even if the route let one through', async () => {
    const listing = h.app.get(QueryBus).execute(new ListResults({ kind: 'portal', id: 'test-portal', role: 'PORTAL' }, { unit: 'H56.22', limit: 1 }));
    await expect(listing).rejects.toMatchObject({ constructor: ForbiddenError, code: 'AUTH.ROLE_NOT_ALLOWED' });
  });

  it('answers another portal 404 on the result and its delivery, as for no result; the submitting portal 200', async () => {
    const resolved = dossierResolved();
    expect(resolved.portal).toBe('test-portal');
    await peers.resolve(resolved);
    await peers.store(documentStored(resolved.resultDocuments[0].documentId, pdf));
    await issued(resolved.dossierId);
    const none = '5f0c0e55-0000-4000-8000-00000000a404';
    const other = h.portal('other');
    expect(await problem(await get(resolved.dossierId, other))).toEqual(await problem(await get(none, other)));
    const deliver = (dossierId: string, who: Record<string, string>) => post(`/results/${dossierId}/deliveries`, who, { method: 'ONLINE' });
    expect(await problem(await deliver(resolved.dossierId, other))).toEqual(await problem(await deliver(none, other)));
    expect(await problem(await get(none, other))).toEqual([404, 'RESULT.NOT_FOUND']);

    const counter = dossierResolved({ channel: 'COUNTER', delivery: 'COUNTER' });
    await peers.resolve(counter);
    await eventually(() => get(counter.dossierId, officer('RECEPTION_OFFICER', 'H56.22')), (r) => r.status === 200, { ...KAFKA_WAIT, what: 'the counter resolution noted' });
    expect(await problem(await get(counter.dossierId, portal()))).toEqual([404, 'RESULT.NOT_FOUND']);

    expect((await get(resolved.dossierId, portal())).status).toBe(200);
    expect((await deliver(resolved.dossierId, portal())).status).toBe(201);
  });

  it('answers 404 for a dossier it has no resolution for', async () => {
    const unknown = await get('5f0c0e55-0000-4000-8000-000000000000');
    expect(await problem(unknown)).toEqual([404, 'RESULT.NOT_FOUND']);
  });
});
