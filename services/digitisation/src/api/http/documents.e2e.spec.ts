import { createHash } from 'node:crypto';
import { DigitisationHarness, form, MAX_BYTES, pdf, png } from '../../testing/digitisation.e2e.harness';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Uploads and downloads over HTTP, against real PostgreSQL and Kafka; refusals leave nothing anywhere. */
describe('digitisation: document uploads over HTTP', () => {
  const service = new DigitisationHarness();
  beforeAll(() => service.start('digitisation_documents_e2e'));
  afterAll(() => service.stop());

  const upload = (headers: Record<string, string>, body: FormData | string, extra: Record<string, string> = {}) =>
    fetch(`${service.base}/documents`, { method: 'POST', headers: { ...headers, ...extra }, body });
  /**
   * Files on disk, document rows, documents' events: a refused upload changes none of them. (The
   * app also takes other tests' dossiers from the shared intake topic, so the whole log grows.)
   */
  const everything = async () => ({
    files: (await service.files()).length,
    rows: await service.count('documents'),
    events: await service.count(`events where event_type = 'DocumentStored'`),
  });

  it('stores a portal upload by its content hash, downloads it, and answers a retry with the same document', async () => {
    const bytes = pdf('tờ khai');
    const headers = service.portal();
    const stored = await upload(headers, form(bytes, 'application/pdf'));
    expect(stored.status).toBe(201);
    const document = (await stored.json()) as { documentId: string; sha256: string; bytes: number; mediaType: string; origin: string };
    expect(document).toMatchObject({ sha256: sha(bytes), bytes: bytes.length, mediaType: 'application/pdf', origin: 'UPLOAD' });

    const retry = await upload(headers, form(bytes, 'application/pdf'));
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { documentId: string }).documentId).toBe(document.documentId);

    // The same bytes uploaded again are another document, held as one file.
    const again = (await (await upload(service.portal(), form(bytes, 'application/octet-stream'))).json()) as { documentId: string; sha256: string };
    expect(again.documentId).not.toBe(document.documentId);
    expect(again.sha256).toBe(document.sha256);
    expect((await service.files()).filter((f) => f.endsWith(document.sha256))).toHaveLength(1);

    const download = await fetch(`${service.base}/documents/${document.documentId}`, { headers: service.portal() });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('etag')).toBe(`"${document.sha256}"`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);

    const published = await service.published([document.documentId], (types) => types.includes('DocumentStored'));
    expect(published.map((e) => e.data)).toEqual([expect.objectContaining({ documentId: document.documentId, origin: 'UPLOAD', sha256: document.sha256 })]);
  });

  it('refuses an oversized upload with 413 and a file that is not PDF, JPEG, PNG or TIFF with 415, storing nothing', async () => {
    const before = await everything();
    const tooLarge = await upload(service.portal(), form(pdf('scan', MAX_BYTES * 32), 'application/pdf'));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toContain('application/problem+json');
    expect(await tooLarge.json()).toMatchObject({ code: 'DOCUMENT.TOO_LARGE', errors: [{ field: 'file' }] });

    const executable = await upload(service.portal(), form(Buffer.from('MZ\x90\x00 not a document'), 'application/pdf'));
    expect(executable.status).toBe(415);
    expect(await executable.json()).toMatchObject({ code: 'DOCUMENT.UNSUPPORTED_TYPE', errors: [{ field: 'file' }] });
    // A PNG declared as a PDF: the content decides, and it contradicts the declaration.
    expect((await upload(service.portal(), form(png(), 'application/pdf'))).status).toBe(415);
    const json = await upload(service.portal(), JSON.stringify({ file: 'JVBERi0=' }), { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect(await json.json()).toMatchObject({ code: 'DOCUMENT.NOT_MULTIPART' });

    expect(await everything()).toEqual(before);
  });

  it('answers 400 to a multipart body it cannot read, storing nothing', async () => {
    const before = await everything();
    const part = (body: string) => ({ ...service.portal(), 'content-type': 'multipart/form-data; boundary=XYZ', body });
    const bodies = [
      { ...service.portal(), 'content-type': 'multipart/form-data', body: 'no boundary' },
      part('no part at all'),
      part('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 cut short'),
    ];
    for (const { body, ...headers } of bodies) {
      const response = await fetch(`${service.base}/documents`, { method: 'POST', headers, body });
      expect(await response.json()).toMatchObject({ status: 400, errors: [{ field: 'file' }] });
    }
    expect(await everything()).toEqual(before);
  });

  it('refuses a request without its Idempotency-Key, a second file, an unknown field, and a portal storing a result', async () => {
    const before = await everything();
    const { 'idempotency-key': _key, ...noKey } = service.portal();
    expect(await (await upload(noKey, form(pdf('a'), 'application/pdf'))).json()).toMatchObject({ status: 400, errors: [{ field: 'Idempotency-Key' }] });
    const twoFiles = form(pdf('a'), 'application/pdf');
    twoFiles.append('file', new Blob([pdf('b')], { type: 'application/pdf' }), 'second');
    expect(await (await upload(service.portal(), twoFiles)).json()).toMatchObject({ status: 400, errors: [{ field: 'file' }] });
    const unknownField = await upload(service.portal(), form(pdf('a'), 'application/pdf', { citizenId: '038090001234' }));
    expect(await unknownField.json()).toMatchObject({ status: 400, errors: [{ field: 'citizenId' }] });
    expect(JSON.stringify(await (await upload(service.portal(), form(pdf('a'), 'application/pdf', { purpose: 'RESULT' }))).json())).toContain('DOCUMENT.RESULT_BY_OFFICERS');
    expect((await upload({}, form(pdf('a'), 'application/pdf'))).status).toBe(401);
    expect(await everything()).toEqual(before);
  });

  it('lets an officer store a result document, readable by officers of that unit only', async () => {
    const stored = await upload({ ...service.officer('PROCESSING_OFFICER', 'H56.10'), 'idempotency-key': 'result-upload-0001' }, form(pdf('kết quả'), 'application/pdf', { purpose: 'RESULT' }));
    expect(stored.status).toBe(201);
    const { documentId, origin } = (await stored.json()) as { documentId: string; origin: string };
    expect(origin).toBe('RESULT');
    expect((await fetch(`${service.base}/documents/${documentId}`, { headers: service.officer('PROCESSING_OFFICER', 'H56.10') })).status).toBe(200);
    expect(await (await fetch(`${service.base}/documents/${documentId}`, { headers: service.officer('PROCESSING_OFFICER', 'H56.30') })).json()).toMatchObject({ status: 403, code: 'AUTH.OTHER_UNIT' });
    expect((await fetch(`${service.base}/documents/00000000-0000-4000-8000-000000000000`, { headers: service.portal() })).status).toBe(404);
    expect(await (await fetch(`${service.base}/documents/not-a-uuid`, { headers: service.portal() })).json()).toMatchObject({ status: 400, errors: [{ field: 'documentId' }] });
  });
});
