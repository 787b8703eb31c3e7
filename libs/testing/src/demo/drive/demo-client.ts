import { randomUUID } from 'node:crypto';
import type { Stack } from '../../stack/stack-harness';
import { Slots } from './pacing';

export type Body = Record<string, unknown>;

/** An answer the driver did not expect: named by route and status only, never by personal data. */
export class UnexpectedAnswer extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    readonly code: string | undefined,
    /** The fields a validation error names (names only: the messages may quote a value). */
    readonly fields: string[] = [],
  ) {
    super(`${route} answered ${status}${code ? ` ${code}` : ''}${fields.length ? ` (${fields.join(', ')})` : ''}`);
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The stack's REST APIs as the generator uses them: as a portal, an officer of a unit, or the bank's simulator. */
export class DemoClient {
  /** REST calls made, for the progress line. */
  calls = 0;
  /** Requests in flight at once: the services share a few cores with the driver. */
  readonly slots: Slots;

  constructor(
    readonly stack: Stack,
    concurrency = 16,
  ) {
    this.slots = new Slots(concurrency);
  }

  portal(extra: Record<string, string> = {}): Record<string, string> {
    return { 'x-api-key': this.stack.portalKey, ...extra };
  }

  officer(role: 'RECEPTION_OFFICER' | 'PROCESSING_OFFICER' | 'LEADER' | 'ADMIN', unit: string): Record<string, string> {
    return this.stack.token(role, unit);
  }

  async call(service: string, method: string, path: string, headers: Record<string, string>, payload?: unknown): Promise<{ status: number; body: Body }> {
    this.calls++;
    try {
      return await this.slots.run(() => this.stack.call(service, method, path, headers, payload));
    } catch {
      throw new UnexpectedAnswer(route(service, method, path), 0, 'NO_ANSWER');
    }
  }

  /** A call that must answer one of `expected`; its body. */
  async expect(expected: number[], service: string, method: string, path: string, headers: Record<string, string>, payload?: unknown): Promise<Body> {
    const { status, body } = await this.call(service, method, path, headers, payload);
    if (!expected.includes(status)) throw unexpected(route(service, method, path), status, body);
    return body;
  }

  /** Stores a small PDF in digitisation (an applicant's upload, or an officer's result document). */
  async upload(headers: Record<string, string>, label: string, purpose: 'UPLOAD' | 'RESULT' = 'UPLOAD'): Promise<{ documentId: string; sha256: string }> {
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', new Blob([pdf(label)], { type: 'application/pdf' }), `${label}.pdf`);
    return (await this.multipart('/documents', { ...headers, 'idempotency-key': randomUUID() }, form, [201])) as { documentId: string; sha256: string };
  }

  /** The desk scans a paper page into digitisation (a component, or the paper result). */
  scan(headers: Record<string, string>, path: string, label: string): Promise<Body> {
    const form = new FormData();
    form.append('pages', '1');
    form.append('file', new Blob([pdf(label)], { type: 'application/pdf' }), `${label}.pdf`);
    return this.multipart(path, headers, form, [200, 201]);
  }

  /** Status of a document download as the portal would read it (the bytes are read and dropped). */
  async documentStatus(documentId: string): Promise<number> {
    this.calls++;
    return this.slots.run(async () => {
      const response = await fetch(`${this.stack.url('digitisation')}/v1/documents/${documentId}`, { headers: this.portal() });
      await response.arrayBuffer();
      return response.status;
    });
  }

  /** The simulated bank: the payer completes the checkout. */
  async payAtPlatform(checkoutId: string): Promise<void> {
    this.calls++;
    const path = `/simulator/checkouts/${checkoutId}/attempts`;
    const status = await this.slots.run(async () => {
      const response = await fetch(`${this.stack.url('payment-platform')}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcome: 'SUCCEEDED' }) });
      await response.arrayBuffer();
      return response.status;
    });
    if (status >= 300) throw new UnexpectedAnswer(route('payment-platform', 'POST', path), status, undefined);
  }

  private async multipart(path: string, headers: Record<string, string>, form: FormData, expected: number[]): Promise<Body> {
    this.calls++;
    const { status, text } = await this.slots.run(async () => {
      const response = await fetch(`${this.stack.url('digitisation')}/v1${path}`, { method: 'POST', headers, body: form });
      return { status: response.status, text: await response.text() };
    });
    const body = (text ? JSON.parse(text) : {}) as Body;
    if (!expected.includes(status)) throw unexpected(route('digitisation', 'POST', path), status, body);
    return body;
  }
}

function unexpected(at: string, status: number, body: Body): UnexpectedAnswer {
  const errors = Array.isArray(body['errors']) ? (body['errors'] as { field?: unknown }[]) : [];
  return new UnexpectedAnswer(at, status, typeof body['code'] === 'string' ? body['code'] : undefined, errors.map((e) => String(e.field)).slice(0, 5));
}

function route(service: string, method: string, path: string): string {
  return `${service} ${method} ${path.split('?')[0].replace(UUID, ':id')}`;
}

function pdf(label: string): Buffer {
  return Buffer.from(`%PDF-1.7\n% ${label} ${randomUUID()}\n${' '.repeat(1200)}\n%%EOF\n`);
}
