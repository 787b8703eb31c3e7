import { randomUUID } from 'node:crypto';
import { applicantRef, DossierReceived, DossierWithdrawn, Envelope, EventData, integrationEvents, ResultIssued, SupplementProvided, Topics } from '@motcua/contracts';
import { dossierReceived, eventually } from '@motcua/testing';
import { APPLICANT_REF_KEY, DigitisationHarness, form, KAFKA_WAIT, pdf, png } from '../../testing/digitisation.e2e.harness';

type Component = EventData<typeof DossierReceived>['components'][number];

/**
 * Intake's and issuance's events arrive on Kafka as those services publish them (built from
 * libs/contracts); the desk scans over HTTP; digitisation's events are read back from its topic.
 */
describe('digitisation: counter paper, paper results and reuse (real PostgreSQL and Kafka)', () => {
  const service = new DigitisationHarness();
  beforeAll(() => service.start('digitisation_flow_int'));
  afterAll(() => service.stop());

  const unit = 'H56.22';
  const desk = () => service.officer('RECEPTION_OFFICER', unit);
  const identifier = '038090001234';
  const applicant = applicantRef('INDIVIDUAL', identifier, APPLICANT_REF_KEY);
  const json = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;

  async function receive(components: Component[], ref = applicant, at = unit): Promise<string> {
    const dossierId = randomUUID();
    const data = dossierReceived({ dossierId, channel: 'COUNTER', unit: at, applicantRef: ref, components, receivedAt: '2025-03-03T02:00:00.000Z' });
    await service.publish(Topics.intake, integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: data.receivedAt, data }));
    return dossierId;
  }
  const status = (dossierId: string) => fetch(`${service.base}/dossiers/${dossierId}/digitisation`, { headers: desk() });
  const opened = (dossierId: string) => eventually(() => status(dossierId), (r) => r.status === 200, { ...KAFKA_WAIT, what: `dossier ${dossierId} received by digitisation` });
  const scan = (dossierId: string, path: string, body: FormData, who = desk()) => fetch(`${service.base}/dossiers/${dossierId}/${path}`, { method: 'POST', headers: who, body });
  const types = (events: Envelope[]) => events.map((e) => e.type).sort();

  let scannedForm: string;
  let uploadedId: string;

  it('opens scanning tasks for a counter dossier with paper and publishes DossierDigitised when the last scan is in', async () => {
    const uploaded = await json<{ documentId: string }>(await fetch(`${service.base}/documents`, { method: 'POST', headers: service.portal(), body: form(pdf('cccd'), 'application/pdf') }));
    uploadedId = uploaded.documentId;
    const dossierId = await receive([
      { componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' },
      { componentId: 'contract', name: 'Hợp đồng chuyển nhượng', provenance: 'PAPER' },
      { componentId: 'id', name: 'CCCD', provenance: 'ELECTRONIC', documentId: uploaded.documentId },
    ]);
    const view = await json<{ digitised: boolean; components: { componentId: string; status: string }[] }>(await opened(dossierId));
    expect(view.digitised).toBe(false);
    expect(view.components.map((c) => [c.componentId, c.status])).toEqual([['form', 'AWAITING_SCAN'], ['contract', 'AWAITING_SCAN'], ['id', 'ELECTRONIC']]);
    const tasks = await json<{ items: { dossierId: string; componentId: string }[] }>(await fetch(`${service.base}/digitisation-tasks?limit=200`, { headers: desk() }));
    expect(tasks.items.filter((t) => t.dossierId === dossierId).map((t) => t.componentId)).toEqual(['contract', 'form']);

    // Refusals store nothing: another unit's officer, a component that is not paper, a missing page count, a file that is no scan.
    const files = (await service.files()).length;
    expect(await json(await scan(dossierId, 'components/form/scan', form(pdf('x'), 'application/pdf', { pages: '1' }), service.officer('RECEPTION_OFFICER', 'H56.10')))).toMatchObject({ status: 403, code: 'AUTH.OTHER_UNIT' });
    // Refused before the file is read, however large it is.
    expect(await json(await scan(dossierId, 'components/id/scan', form(pdf('x', 2_000_000), 'application/pdf', { pages: '1' })))).toMatchObject({ status: 409, code: 'DIGITISATION.NOT_PAPER' });
    expect(await json(await scan(dossierId, 'components/form/scan', form(pdf('x'), 'application/pdf')))).toMatchObject({ status: 400, errors: [{ field: 'pages' }] });
    expect((await scan(dossierId, 'components/form/scan', form(Buffer.from('plain text'), 'text/plain', { pages: '1' }))).status).toBe(415);
    expect((await scan(dossierId, 'components/nope/scan', form(pdf('x'), 'application/pdf', { pages: '1' }))).status).toBe(404);
    expect((await service.files()).length).toBe(files);

    const first = await scan(dossierId, 'components/form/scan', form(pdf('tờ khai', 4000), 'application/pdf', { pages: '2' }));
    expect(first.status).toBe(201);
    const formScan = await json<{ documentId: string; sha256: string; dossierDigitised: boolean; pages: number }>(first);
    expect(formScan).toMatchObject({ dossierDigitised: false, pages: 2 });
    scannedForm = formScan.documentId;
    // The same scan again (an answer lost on the way) gets the same answer; other content is a conflict.
    const repeat = await scan(dossierId, 'components/form/scan', form(pdf('tờ khai', 4000), 'application/pdf', { pages: '2' }));
    expect(repeat.status).toBe(200);
    expect(await json(repeat)).toMatchObject({ documentId: formScan.documentId, replayed: true });
    expect(await json(await scan(dossierId, 'components/form/scan', form(png(), 'image/png', { pages: '1' })))).toMatchObject({ status: 409, code: 'DIGITISATION.ALREADY_SCANNED' });

    const last = await json<{ documentId: string; dossierDigitised: boolean }>(await scan(dossierId, 'components/contract/scan', form(png(9000), 'image/png', { pages: '5' })));
    expect(last.dossierDigitised).toBe(true);

    const published = await service.published([dossierId, formScan.documentId, last.documentId], (seen) => seen.includes('DossierDigitised') && seen.filter((t) => t === 'DocumentStored').length === 2);
    expect(types(published)).toEqual(['ComponentDigitised', 'ComponentDigitised', 'DocumentStored', 'DocumentStored', 'DossierDigitised']);
    expect(published.find((e) => e.type === 'DossierDigitised')?.data).toMatchObject({ dossierId, components: 3 });
    expect(published.find((e) => e.type === 'DocumentStored' && e.subject === formScan.documentId)?.data).toMatchObject({ origin: 'SCAN', applicantRef: applicant, sha256: formScan.sha256 });

    // A paper result issued for the dossier is a scanning task until its scan makes it ResultDigitised.
    const issued: EventData<typeof ResultIssued> = { dossierId, code: 'H56.22-250303-0007', issuedAt: '2025-03-17T02:00:00.000Z', applicantRef: applicant, result: { form: 'PAPER', documentNumber: 'GCN-2025-0001' } };
    await service.publish(Topics.issuance, integrationEvents.createEnvelope(ResultIssued, { source: 'motcua/issuance', subject: dossierId, time: issued.issuedAt, data: issued }));
    await eventually(
      async () => (await json<{ items: { dossierId: string; kind: string }[] }>(await fetch(`${service.base}/digitisation-tasks?limit=200`, { headers: desk() }))).items,
      (open) => open.some((t) => t.dossierId === dossierId && t.kind === 'RESULT'),
      { ...KAFKA_WAIT, what: 'the paper result task' },
    );
    const result = await scan(dossierId, 'result/scan', form(pdf('giấy chứng nhận'), 'application/pdf', { pages: '1' }));
    expect(result.status).toBe(201);
    const resultScan = await json<{ documentId: string; documentNumber: string }>(result);
    expect(resultScan.documentNumber).toBe('GCN-2025-0001');
    const afterResult = await service.published([dossierId], (seen) => seen.includes('ResultDigitised'));
    expect(afterResult.find((e) => e.type === 'ResultDigitised')?.data).toMatchObject({ dossierId, documentId: resultScan.documentId, pages: 1 });

    // Everything digitised for the applicant is in their repository, found from the identifier.
    const search = await fetch(`${service.base}/repository/search`, { method: 'POST', headers: { ...service.portal(), 'content-type': 'application/json' }, body: JSON.stringify({ applicantKind: 'INDIVIDUAL', identifier }) });
    expect(search.status).toBe(200);
    const found = await json<{ documents: { documentId: string; source: string }[] }>(search);
    expect(found.documents.map((d) => [d.documentId, d.source]).sort()).toEqual(
      [[uploaded.documentId, 'ELECTRONIC'], [formScan.documentId, 'SCAN'], [last.documentId, 'SCAN'], [resultScan.documentId, 'RESULT']].sort(),
    );
    expect(JSON.stringify(found)).not.toContain(identifier);
  });

  it("records the reuse of the applicant's repository document by a later dossier, and refuses another applicant's or an unknown one", async () => {
    const reuse = (repositoryDocumentId: string): Component => ({ componentId: 'form', name: 'Tờ khai', provenance: 'REUSED', repositoryDocumentId });
    const same = await receive([reuse(scannedForm)]);
    const other = await receive([reuse(scannedForm)], 'f'.repeat(64));
    const unknown = await receive([reuse(randomUUID())]);
    for (const dossierId of [same, other, unknown]) await opened(dossierId);

    const reused = await service.published([same], (seen) => seen.includes('DossierDigitised'));
    expect(types(reused)).toEqual(['DocumentReused', 'DossierDigitised']);
    expect(reused.find((e) => e.type === 'DocumentReused')?.data).toMatchObject({ dossierId: same, componentId: 'form', repositoryDocumentId: scannedForm });
    // Officers of the reusing dossier may read the reused document.
    expect((await fetch(`${service.base}/documents/${scannedForm}`, { headers: desk() })).status).toBe(200);

    const refused = await service.published([other, unknown], (seen) => seen.filter((t) => t === 'ReuseRefused').length === 2);
    expect(refused.map((e) => [e.subject, e.type, (e.data as { reason: string }).reason]).sort()).toEqual(
      [[other, 'ReuseRefused', 'NOT_OWNED_BY_APPLICANT'], [unknown, 'ReuseRefused', 'NOT_FOUND']].sort(),
    );
    expect(await json(await status(other))).toMatchObject({ digitised: false, components: [{ status: 'REUSE_REFUSED', refusal: 'NOT_OWNED_BY_APPLICANT' }] });
  });

  it("does not take another applicant's upload or a scan as an electronic component, nor let the naming dossier's unit read it; the same applicant names its upload again", async () => {
    const electronic = (documentId: string): Component => ({ componentId: 'id', name: 'CCCD', provenance: 'ELECTRONIC', documentId });
    const elsewhere = 'H99.01';
    const stranger = await receive([electronic(uploadedId)], 'f'.repeat(64), elsewhere);
    const scanNamed = await receive([electronic(scannedForm)]);
    const again = await receive([electronic(uploadedId)]);
    const view = async (dossierId: string, who = desk()) => json(await eventually(() => fetch(`${service.base}/dossiers/${dossierId}/digitisation`, { headers: who }), (r) => r.status === 200, { ...KAFKA_WAIT, what: `dossier ${dossierId} received` }));
    const otherDesk = service.officer('RECEPTION_OFFICER', elsewhere);
    expect(await view(stranger, otherDesk)).toMatchObject({ digitised: false, components: [{ status: 'DOCUMENT_NOT_FOUND', electronic: false }] });
    expect(await view(scanNamed)).toMatchObject({ digitised: false, components: [{ status: 'DOCUMENT_NOT_FOUND' }] });
    expect(await view(again)).toMatchObject({ digitised: true, components: [{ status: 'ELECTRONIC' }] });
    expect(await json(await fetch(`${service.base}/documents/${uploadedId}`, { headers: otherDesk }))).toMatchObject({ status: 403, code: 'AUTH.OTHER_UNIT' });
    const owners = await service.db.query<{ applicant_ref: string }>(`select applicant_ref from digitisation.repository_documents where document_id = $1`, [uploadedId]);
    expect(owners.rows).toEqual([{ applicant_ref: applicant }]);
  });

  it('lets a portal download what it uploaded and what its own dossiers hold; another portal gets 404, as for no document', async () => {
    const uploaded = await json<{ documentId: string }>(await fetch(`${service.base}/documents`, { method: 'POST', headers: service.portal(), body: form(pdf('đơn'), 'application/pdf') }));
    const dossierId = randomUUID();
    const data = dossierReceived({ dossierId, channel: 'ONLINE', unit, applicantRef: applicant, receivedAt: '2025-03-03T02:00:00.000Z', components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' }] });
    expect(data.portal).toBe('test-portal');
    await service.publish(Topics.intake, integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: data.receivedAt, data }));
    await opened(dossierId);
    const scanned = await json<{ documentId: string }>(await scan(dossierId, 'components/form/scan', form(pdf('tờ khai quét'), 'application/pdf', { pages: '1' })));
    const counterScan = scannedForm;

    const read = async (documentId: string, which: 'test' | 'other') => {
      const response = await fetch(`${service.base}/documents/${documentId}`, { headers: service.portal(which) });
      return { status: response.status, code: response.status === 200 ? undefined : (await json<{ code: string }>(response)).code };
    };
    const none = await read(randomUUID(), 'other');
    expect(none).toEqual({ status: 404, code: 'DOCUMENT.NOT_FOUND' });
    for (const documentId of [uploaded.documentId, scanned.documentId, counterScan]) expect(await read(documentId, 'other')).toEqual(none);
    // A counter dossier was submitted by no portal.
    expect(await read(counterScan, 'test')).toEqual(none);
    expect(await read(uploaded.documentId, 'test')).toEqual({ status: 200, code: undefined });
    expect(await read(scanned.documentId, 'test')).toEqual({ status: 200, code: undefined });

    // A dossier cannot make another portal's upload its own by naming it.
    const theirs = await json<{ documentId: string }>(await fetch(`${service.base}/documents`, { method: 'POST', headers: service.portal('other'), body: form(pdf('của cổng khác'), 'application/pdf') }));
    const naming = randomUUID();
    const named = dossierReceived({ dossierId: naming, unit, applicantRef: applicant, components: [{ componentId: 'id', name: 'CCCD', provenance: 'ELECTRONIC', documentId: theirs.documentId }] });
    await service.publish(Topics.intake, integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: naming, time: named.receivedAt, data: named }));
    expect(await json(await opened(naming))).toMatchObject({ components: [{ status: 'DOCUMENT_NOT_FOUND' }] });
    expect(await read(theirs.documentId, 'test')).toEqual(none);
  });

  it("adds a supplement's paper to the tasks, and two scans racing to complete the dossier digitise it once", async () => {
    const dossierId = await receive([{ componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' }]);
    await opened(dossierId);
    const provided: EventData<typeof SupplementProvided> = {
      dossierId,
      code: 'H56.22-250303-0007',
      providedAt: '2025-03-05T02:00:00.000Z',
      components: [{ componentId: 'map', name: 'Bản đồ thửa đất', provenance: 'PAPER' }],
    };
    await service.publish(Topics.intake, integrationEvents.createEnvelope(SupplementProvided, { source: 'motcua/intake', subject: dossierId, time: provided.providedAt, data: provided }));
    await eventually(async () => json<{ components: unknown[] }>(await status(dossierId)), (view) => view.components.length === 2, { ...KAFKA_WAIT, what: 'the supplement' });

    const scans = await Promise.all(
      ['form', 'map'].map(async (componentId) => json<{ dossierDigitised: boolean }>(await scan(dossierId, `components/${componentId}/scan`, form(pdf(componentId), 'application/pdf', { pages: '1' })))),
    );
    // The scan that commits second sees the other's and completes the dossier; the first does not.
    expect(scans.map((s) => s.dossierDigitised).sort()).toEqual([false, true]);
    const stream = (await service.store.readStream(dossierId)).map((e) => e.type);
    expect(stream.filter((t) => t === 'DossierDigitised')).toHaveLength(1);
    expect(stream[stream.length - 1]).toBe('DossierDigitised');
  });

  it('closes the scanning tasks of a dossier withdrawn after reception: gone from the list, scans refused', async () => {
    const dossierId = await receive([{ componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' }]);
    await opened(dossierId);
    const tasks = async () => (await json<{ items: { dossierId: string }[] }>(await fetch(`${service.base}/digitisation-tasks?limit=200`, { headers: desk() }))).items;
    expect((await tasks()).some((t) => t.dossierId === dossierId)).toBe(true);
    const withdrawn: EventData<typeof DossierWithdrawn> = { dossierId, code: 'H56.22-250303-0008', withdrawnAt: '2025-03-04T02:00:00.000Z' };
    await service.publish(Topics.intake, integrationEvents.createEnvelope(DossierWithdrawn, { source: 'motcua/intake', subject: dossierId, time: withdrawn.withdrawnAt, data: withdrawn }));
    await eventually(tasks, (open) => !open.some((t) => t.dossierId === dossierId), { ...KAFKA_WAIT, what: 'the withdrawn dossier leaves the tasks' });
    expect(await json(await status(dossierId))).toMatchObject({ closedAt: withdrawn.withdrawnAt, components: [{ status: 'AWAITING_SCAN' }] });
    const files = (await service.files()).length;
    expect(await json(await scan(dossierId, 'components/form/scan', form(pdf('late'), 'application/pdf', { pages: '1' })))).toMatchObject({ status: 409, code: 'DIGITISATION.DOSSIER_CLOSED' });
    expect((await service.files()).length).toBe(files);
  });

  it('files an e-result stored here in the repository, and holds a result that arrives before the reception until it does', async () => {
    const officer = { ...service.officer('PROCESSING_OFFICER', unit), 'idempotency-key': randomUUID() };
    const eResult = await json<{ documentId: string; sha256: string }>(await fetch(`${service.base}/documents`, { method: 'POST', headers: officer, body: form(pdf('e-result'), 'application/pdf', { purpose: 'RESULT' }) }));
    const late = randomUUID();
    const issue = (dossierId: string, result: EventData<typeof ResultIssued>['result']) => {
      const data: EventData<typeof ResultIssued> = { dossierId, code: 'H56.22-250303-0009', issuedAt: '2025-03-17T02:00:00.000Z', applicantRef: applicant, result };
      return integrationEvents.createEnvelope(ResultIssued, { source: 'motcua/issuance', subject: dossierId, time: data.issuedAt, data });
    };
    const signature = `${'A'.repeat(86)}==`;
    // Issuance's topic is not ordered against intake's: this result comes first and must wait.
    await service.publish(Topics.issuance, issue(late, { form: 'ELECTRONIC', documentId: eResult.documentId, sha256: eResult.sha256, keyId: 'key-2025', algorithm: 'Ed25519', signature }));
    await eventually(
      async () => Number((await service.db.query<{ n: string }>(`select count(*) as n from digitisation.parked_messages where subject = $1`, [late])).rows[0].n),
      (n) => n === 1,
      { ...KAFKA_WAIT, what: 'the early result parked' },
    );
    const data = dossierReceived({ dossierId: late, channel: 'ONLINE', unit, applicantRef: applicant, components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' }] });
    await service.publish(Topics.intake, integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: late, time: data.receivedAt, data }));
    const view = await eventually(async () => (await status(late)).json() as Promise<{ result?: unknown }>, (v) => v.result !== undefined, { ...KAFKA_WAIT, what: 'the parked result applied' });
    expect(view.result).toEqual({ form: 'ELECTRONIC', documentId: eResult.documentId });
    const found = await json<{ documents: { documentId: string; source: string }[] }>(
      await fetch(`${service.base}/repository/search`, { method: 'POST', headers: { ...service.portal(), 'content-type': 'application/json' }, body: JSON.stringify({ applicantKind: 'INDIVIDUAL', identifier }) }),
    );
    expect(found.documents).toContainEqual(expect.objectContaining({ documentId: eResult.documentId, source: 'RESULT' }));
  });
});
