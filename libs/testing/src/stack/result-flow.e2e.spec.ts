import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { Stack, startStack } from './stack-harness';

const SERVICE_CENTRE = 'H56.01';
const FINANCE = 'H56.15';
const KAFKA = { timeoutMs: 60_000 };

/**
 * A dossier's whole life across every service, one process each, talking only through Kafka:
 * the portal uploads the applicant's files to digitisation and submits a private-enterprise
 * registration (2.001610: pay-first, online charge exempt, e-result) to intake; the desk receives
 * it; payment bills what is left and the simulated platform's signed callback pays it; processing
 * waits for that payment; the department uploads its decision document and resolves; issuance
 * signs the e-result over the stored document's hash; anyone verifies it; the portal's download
 * delivers it and completes the dossier.
 */
describe('a dossier from upload to completed result (every service as a process, real PostgreSQL and Kafka)', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Monday 3 March 2025, 07:30 in Hà Nội, a minute a second: after the March 2025 merger that
    // gave business registration to the Department of Finance.
    stack = await startStack(['intake', 'processing', 'payment', 'payment-platform', 'digitisation', 'issuance'], { epoch: '2025-03-03T00:30:00.000Z', speed: 60 });
  }, 360_000);
  afterAll(() => stack?.stop(), 30_000);

  const portal = (extra: Record<string, string> = {}) => ({ 'x-api-key': stack.portalKey, ...extra });
  const upload = async (headers: Record<string, string>, text: string, fields: Record<string, string> = {}) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append('file', new Blob([Buffer.from(`%PDF-1.7\n% ${text}\n${' '.repeat(1500)}`)], { type: 'application/pdf' }), `${text}.pdf`);
    const response = await fetch(`${stack.url('digitisation')}/v1/documents`, { method: 'POST', headers: { ...headers, 'idempotency-key': randomUUID() }, body });
    expect(response.status).toBe(201);
    return (await response.json()) as { documentId: string; sha256: string };
  };
  const simulator = async (path: string, body: unknown) => {
    const response = await fetch(`${stack.url('payment-platform')}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as Record<string, unknown>;
  };

  it('uploads, submits, receives, pays online, digitises, resolves, signs, verifies and delivers', async () => {
    const form = await upload(portal(), 'giay-de-nghi');
    const identity = await upload(portal(), 'giay-to-phap-ly');
    const submitted = await stack.call('intake', 'POST', '/dossiers', portal({ 'idempotency-key': randomUUID() }), {
      procedureCode: '2.001610',
      unit: SERVICE_CENTRE,
      applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Lê Thị Bình' },
      components: [
        { componentId: 'form', name: 'Giấy đề nghị đăng ký doanh nghiệp', provenance: 'ELECTRONIC', documentId: form.documentId },
        { componentId: 'owner-identity', name: 'Giấy tờ pháp lý của chủ doanh nghiệp', provenance: 'ELECTRONIC', documentId: identity.documentId },
      ],
      delivery: 'ONLINE',
    });
    expect(submitted.status).toBe(201);
    const dossierId = String(submitted.body['dossierId']);
    expect((await stack.call('intake', 'POST', `/dossiers/${dossierId}/receive`, stack.token('RECEPTION_OFFICER', SERVICE_CENTRE))).status).toBe(200);

    // The registration charge is waived online; the publication fee is not.
    const bill = await eventually(() => stack.call('payment', 'GET', `/dossiers/${dossierId}/payment`, portal()), (r) => r.status === 200, { ...KAFKA, what: 'the bill from DossierReceived' });
    expect(bill.body).toMatchObject({ total: 100_000, exempt: false, payFirst: true, status: 'AWAITING_PAYMENT' });
    const waiting = await eventually(() => stack.call('processing', 'GET', `/cases/${dossierId}`, stack.token('PROCESSING_OFFICER', FINANCE)), (r) => r.status === 200, { ...KAFKA, what: 'the case opened' });
    expect(waiting.body).toMatchObject({ status: 'PAUSED', agency: FINANCE });
    // Every component was uploaded: the dossier is digitised at reception.
    const digitisation = await eventually(
      () => stack.call('digitisation', 'GET', `/dossiers/${dossierId}/digitisation`, stack.token('RECEPTION_OFFICER', SERVICE_CENTRE)),
      (r) => r.status === 200 && r.body['digitised'] === true,
      { ...KAFKA, what: 'the dossier digitised' },
    );
    expect(digitisation.status).toBe(200);

    const checkout = await stack.call('payment', 'POST', `/dossiers/${dossierId}/payment/checkout`, portal());
    expect(checkout.body).toMatchObject({ amount: 100_000, currency: 'VND' });
    await simulator(`/simulator/checkouts/${String(checkout.body['checkoutId'])}/attempts`, { outcome: 'SUCCEEDED' });
    const resumed = await eventually(() => stack.call('processing', 'GET', `/cases/${dossierId}`, stack.token('PROCESSING_OFFICER', FINANCE)), (r) => r.body['status'] === 'OPEN', {
      ...KAFKA,
      what: 'the case resumed by PaymentSucceeded',
    });
    expect(resumed.body['supplementRequests']).toBe(0);
    expect((await stack.call('payment', 'GET', `/dossiers/${dossierId}/payment`, portal())).body).toMatchObject({ status: 'PAID' });

    const certificate = await upload(stack.token('PROCESSING_OFFICER', FINANCE), 'giay-chung-nhan-dang-ky-doanh-nghiep', { purpose: 'RESULT' });
    const decided = await stack.call('processing', 'POST', `/cases/${dossierId}/resolve`, stack.token('LEADER', FINANCE), {
      outcome: 'APPROVED',
      resultDocuments: [{ documentId: certificate.documentId, name: 'Giấy chứng nhận đăng ký doanh nghiệp', sha256: certificate.sha256 }],
    });
    expect(decided.body).toMatchObject({ outcome: 'APPROVED', onTime: true });

    const issued = await eventually(() => stack.call('issuance', 'GET', `/results/${dossierId}`, portal()), (r) => r.body['status'] === 'ISSUED', { ...KAFKA, what: 'the e-result signed' });
    const electronic = issued.body['electronic'] as { documentId: string; sha256: string; signature: string; manifest: Record<string, unknown> };
    expect(electronic).toMatchObject({ documentId: certificate.documentId, sha256: certificate.sha256 });

    // Verification recomputes the hash of the bytes digitisation holds; a changed byte fails it.
    // The portal may read the certificate once digitisation has filed it under the dossier (it learns the result from issuance's topic).
    const download = await eventually(() => fetch(`${stack.url('digitisation')}/v1/documents/${certificate.documentId}`, { headers: portal() }), (r) => r.status === 200, { ...KAFKA, what: 'the certificate readable by the portal' });
    const bytes = Buffer.from(await download.arrayBuffer());
    const verify = (document: Buffer) => stack.call('issuance', 'POST', '/verifications', {}, { manifest: electronic.manifest, signature: electronic.signature, document: document.toString('base64') });
    expect((await verify(bytes)).body).toMatchObject({ valid: true, reasons: [] });
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 1] ^= 1;
    expect((await verify(tampered)).body).toMatchObject({ valid: false, reasons: ['DOCUMENT_HASH_MISMATCH'] });

    expect((await stack.call('issuance', 'POST', `/results/${dossierId}/deliveries`, portal(), { method: 'ONLINE' })).status).toBeLessThan(300);
    expect((await stack.call('issuance', 'GET', `/results/${dossierId}`, portal())).body).toMatchObject({ status: 'COMPLETED', delivered: { method: 'ONLINE' } });
  });
});
