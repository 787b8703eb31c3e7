import { randomUUID } from 'node:crypto';
import type { Stack } from '../libs/testing/src/stack/stack-harness';
import { E2eCalls, now, step } from './e2e-calls';

export const SERVICE_CENTRE = 'H56.01';
export const FINANCE = 'H56.15';
/** Private-enterprise registration: pay-first (100 000 VND left once the charge is waived online), an e-result, one agency. */
export const PROCEDURE = '2.001610';

export const STEPS = [
  'upload form + identity (digitisation)',
  'submit (intake)',
  'receive at the desk (intake)',
  'bill appears (payment ← intake)',
  'checkout (payment)',
  'pay at the simulator (payment-platform)',
  'case open (processing ← payment)',
  'upload the result (digitisation)',
  'resolve (processing)',
  'e-result signed (issuance ← processing)',
  'deliver online (issuance)',
  'timeline COMPLETED (projections)',
] as const;

export interface Lifecycle {
  dossierId: string;
  code: string;
  /** When the submission's 201 and the reception's 200 arrived (see `now`). */
  submittedAt: number;
  receivedAt: number;
  steps: Record<string, number>;
  /** The service of each HTTP call made, in order. */
  trace: string[];
}

/**
 * One dossier's whole life through every service's REST API, as result-flow.e2e.spec.ts drives
 * it: each asynchronous hop awaited by polling the view that shows it.
 */
export function lifecycleDriver(stack: Stack, calls: E2eCalls) {
  const portal = { 'x-api-key': stack.portalKey };
  const desk = stack.token('RECEPTION_OFFICER', SERVICE_CENTRE);
  const officer = stack.token('PROCESSING_OFFICER', FINANCE);
  const leader = stack.token('LEADER', FINANCE);
  const pdf = (text: string, fields: Record<string, string> = {}) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append('file', new Blob([Buffer.from(`%PDF-1.7\n% ${text}\n${' '.repeat(1500)}`)], { type: 'application/pdf' }), `${text}.pdf`);
    return body;
  };

  return async (n: number): Promise<Lifecycle> => {
    const trace: string[] = [];
    const steps: Record<string, number> = {};
    const [upload, submit, receive, bill, checkout, pay, open, result, resolve, signed, deliver, timeline] = STEPS;
    const documentId = async (name: string, headers: Record<string, string>, fields?: Record<string, string>) =>
      (await calls.expect(name, trace, 'digitisation', 'POST', '/documents', { ...headers, 'idempotency-key': randomUUID() }, pdf(`${name}-${n}`, fields))).body;
    const [form, identity] = await step(steps, upload, async () => [await documentId(upload, portal), await documentId(upload, portal)]);
    const submitted = await step(steps, submit, () =>
      calls.expect(submit, trace, 'intake', 'POST', '/dossiers', { ...portal, 'idempotency-key': randomUUID() }, {
        procedureCode: PROCEDURE,
        unit: SERVICE_CENTRE,
        applicant: { kind: 'INDIVIDUAL', identifier: `0380${String(90_000_000 + n).padStart(8, '0')}`, fullName: 'Lê Thị Bình' },
        components: [
          { componentId: 'form', name: 'Giấy đề nghị đăng ký doanh nghiệp', provenance: 'ELECTRONIC', documentId: form['documentId'] },
          { componentId: 'owner-identity', name: 'Giấy tờ pháp lý của chủ doanh nghiệp', provenance: 'ELECTRONIC', documentId: identity['documentId'] },
        ],
        delivery: 'ONLINE',
      }),
    );
    const submittedAt = now();
    const dossierId = String(submitted.body['dossierId']);
    const code = String(submitted.body['code']);
    await step(steps, receive, () => calls.expect(receive, trace, 'intake', 'POST', `/dossiers/${dossierId}/receive`, desk));
    const receivedAt = now();
    await step(steps, bill, () => calls.until(bill, trace, 'payment', `/dossiers/${dossierId}/payment`, portal, (r) => r.status === 200));
    const started = await step(steps, checkout, () => calls.expect(checkout, trace, 'payment', 'POST', `/dossiers/${dossierId}/payment/checkout`, portal));
    await step(steps, pay, () => calls.expect(pay, trace, 'payment-platform', 'POST', `/simulator/checkouts/${String(started.body['checkoutId'])}/attempts`, {}, { outcome: 'SUCCEEDED' }));
    await step(steps, open, () => calls.until(open, trace, 'processing', `/cases/${dossierId}`, officer, (r) => r.body['status'] === 'OPEN'));
    const certificate = await step(steps, result, () => documentId(result, officer, { purpose: 'RESULT' }));
    await step(steps, resolve, () =>
      calls.expect(resolve, trace, 'processing', 'POST', `/cases/${dossierId}/resolve`, leader, {
        outcome: 'APPROVED',
        resultDocuments: [{ documentId: certificate['documentId'], name: 'Giấy chứng nhận đăng ký doanh nghiệp', sha256: certificate['sha256'] }],
      }),
    );
    await step(steps, signed, () => calls.until(signed, trace, 'issuance', `/results/${dossierId}`, portal, (r) => r.body['status'] === 'ISSUED'));
    await step(steps, deliver, () => calls.expect(deliver, trace, 'issuance', 'POST', `/results/${dossierId}/deliveries`, portal, { method: 'ONLINE' }));
    await step(steps, timeline, () => calls.until(timeline, trace, 'projections', `/dossiers/by-code/${code}/timeline`, portal, (r) => r.body['status'] === 'COMPLETED'));
    return { dossierId, code, submittedAt, receivedAt, steps, trace };
  };
}
