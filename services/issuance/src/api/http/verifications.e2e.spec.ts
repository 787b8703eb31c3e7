import { createHash } from 'node:crypto';
import { InProcessService } from '@motcua/testing';
import { startIssuance } from '../../testing/issuance.harness';
import { MAX_DOCUMENT_BASE64, MAX_DOCUMENT_BYTES } from './verify-result.request';

/**
 * The public verification refuses what is not a result with a 400 naming the field, answers
 * "invalid" with reasons for a result that does not hold, and writes nothing either way.
 */
describe('issuance: public verification of bad input (HTTP, real PostgreSQL)', () => {
  let h: InProcessService;
  let base: string;

  beforeAll(async () => {
    h = await startIssuance('issuance_verify_e2e');
    base = h.base;
  });
  afterAll(() => h?.close());

  const send = (body: string, contentType = 'application/json') => fetch(`${base}/verifications`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const post = (body: unknown) => send(JSON.stringify(body));
  // Whatever the answer, a failed expectation shows its status, code and detail (or its raw text).
  const problem = async (response: Response) => {
    const text = await response.text();
    let body: { code?: string; detail?: string; errors?: { field: string }[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = { detail: text.slice(0, 200) };
    }
    return { status: response.status, type: response.headers.get('content-type'), code: body.code, detail: body.detail, fields: (body.errors ?? []).map((e) => e.field) };
  };
  const manifest = { version: 1, keyId: 'ed25519-20250101-00000000', document: { documentId: 'doc-1', sha256: createHash('sha256').update('x').digest('hex') } };
  const signature = `${'A'.repeat(86)}==`;
  // The app also consumes the shared topics meanwhile, so results and documents may grow: the
  // keys are what a verification could conceivably touch.
  const footprint = async () => (await h.db.query(`select key_id, status, retired_at from issuance.signing_keys order by key_id`)).rows;

  it('answers 400 problem+json naming the field for anything that is not a result, and writes nothing', async () => {
    const before = await footprint();
    expect(await problem(await send('{"manifest": {'))).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED', type: expect.stringContaining('application/problem+json') });
    expect(await problem(await post({ manifest }))).toMatchObject({ status: 400, code: 'REQUEST.INVALID', fields: ['signature'] });
    expect((await problem(await post({ signature }))).fields).toEqual(['manifest']);
    expect((await problem(await post({ manifest: 'not an object', signature }))).fields).toEqual(['manifest']);
    expect((await problem(await post({ manifest, signature: 'not base64!' }))).fields).toEqual(['signature']);
    expect((await problem(await post({ manifest, signature, document: '%%% not base64 %%%' }))).fields).toEqual(['document']);
    expect((await problem(await post({ manifest, signature, extra: true }))).fields).toEqual(['extra']);
    expect((await problem(await post({ manifest: { document: { sha256: 'nope' } }, signature }))).fields).toEqual(['manifest.keyId', 'manifest.document.sha256']);
    expect((await problem(await post({ manifest: { keyId: 'k' }, signature }))).fields).toEqual(['manifest.document.sha256']);
    expect(await problem(await send('manifest,signature\n', 'text/plain'))).toMatchObject({ status: 400, fields: ['manifest', 'signature'] });
    expect(await footprint()).toEqual(before);
  });

  it('checks a document of the largest size taken instead of failing on its base64 (no 500)', async () => {
    const atLimit = Buffer.alloc(MAX_DOCUMENT_BYTES, 0x25).toString('base64');
    const response = await post({ manifest, signature, document: atLimit });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ valid: false, reasons: expect.arrayContaining(['DOCUMENT_HASH_MISMATCH']) });
  });

  it('refuses a document over the limit', async () => {
    const tooLong = 'A'.repeat(MAX_DOCUMENT_BASE64 + 4);
    expect(await problem(await post({ manifest, signature, document: tooLong }))).toMatchObject({ status: 400, code: 'REQUEST.INVALID', fields: ['document'] });
    const farTooLong = 'A'.repeat(MAX_DOCUMENT_BASE64 * 2);
    expect(await problem(await post({ manifest, signature, document: farTooLong }))).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
  });

  it('answers "invalid" with the reason for a well-formed result it cannot vouch for', async () => {
    const response = await post({ manifest, signature, document: Buffer.from('y').toString('base64') });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ valid: false, reasons: ['UNKNOWN_KEY', 'DOCUMENT_HASH_MISMATCH'], keyId: manifest.keyId, keyStatus: 'UNKNOWN', documentChecked: true });
  });

  it('takes an optional document sent as null as one not sent (the platform drops null optional fields)', async () => {
    const response = await post({ manifest, signature, document: null });
    expect([response.status, await response.json()]).toEqual([200, { valid: false, reasons: ['UNKNOWN_KEY'], keyId: manifest.keyId, keyStatus: 'UNKNOWN', documentChecked: false }]);
  });

  it('takes the document as an uploaded file too, with the same refusals', async () => {
    const upload = (parts: [string, string | Blob][]) => {
      const form = new FormData();
      for (const [name, value] of parts) form.append(name, value);
      return fetch(`${base}/verifications`, { method: 'POST', body: form });
    };
    const before = await footprint();
    const file = new Blob([Buffer.from('y')], { type: 'application/pdf' });
    const answered = await upload([['manifest', JSON.stringify(manifest)], ['signature', signature], ['document', file]]);
    expect([answered.status, await answered.json()]).toEqual([200, { valid: false, reasons: ['UNKNOWN_KEY', 'DOCUMENT_HASH_MISMATCH'], keyId: manifest.keyId, keyStatus: 'UNKNOWN', documentChecked: true }]);
    expect((await problem(await upload([['manifest', '{not json'], ['signature', signature]]))).fields).toEqual(['manifest']);
    expect((await problem(await upload([['manifest', JSON.stringify(manifest)]]))).fields).toEqual(['signature']);
    expect((await problem(await upload([['manifest', JSON.stringify(manifest)], ['signature', signature], ['note', 'x']]))).fields).toEqual(['note']);
    const secondFile = await upload([['manifest', JSON.stringify(manifest)], ['signature', signature], ['document', file], ['document', file]]);
    expect(await problem(secondFile)).toMatchObject({ status: 400, code: 'REQUEST.INVALID', fields: ['document'] });
    const fifthField = await upload([['manifest', JSON.stringify(manifest)], ['signature', signature], ['manifest', JSON.stringify(manifest)], ['signature', signature], ['manifest', '{}']]);
    expect(await problem(fifthField)).toMatchObject({ status: 400, code: 'REQUEST.INVALID', fields: ['manifest', 'signature'] });
    const tooLarge = new Blob([Buffer.alloc(MAX_DOCUMENT_BYTES + 1)]);
    expect((await problem(await upload([['manifest', JSON.stringify(manifest)], ['signature', signature], ['document', tooLarge]]))).status).toBe(413);
    expect(await footprint()).toEqual(before);
  });

  it('documents the public endpoints as needing no credentials', async () => {
    const openApi = (await (await fetch(`${base.replace(/\/v1$/, '')}/docs/json`)).json()) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    expect(openApi.paths['/v1/verifications'].post.security).toEqual([]);
    expect(openApi.paths['/v1/signing-keys'].get.security).toEqual([]);
    expect(openApi.paths['/v1/results/{dossierId}/deliveries'].post.security).toEqual(expect.arrayContaining([{ officer: [] }, { portal: [] }]));
  });
});
