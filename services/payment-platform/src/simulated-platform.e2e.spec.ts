import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { eventually, freePort } from '@motcua/testing';
import { buildSimulatedPlatform } from './simulated-platform';

const merchantKey = 'sim-merchant-key-0123456789';
const secrets = ['sim-signing-secret-new-0123456789abcdef', 'sim-signing-secret-old-0123456789abcdef'];

/** The simulator through HTTP, with a merchant's callback endpoint that records what reaches it. */
describe('simulated payment platform (HTTP)', () => {
  let platform: FastifyInstance;
  let base: string;
  let receiver: Server;
  let callbackUrl: string;
  const received: { body: string; headers: IncomingHttpHeaders }[] = [];
  /** Statuses the merchant answers next, in turn (200 once they run out). */
  const answers: number[] = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ body, headers: request.headers });
        response.writeHead(answers.shift() ?? 200).end();
      });
    });
    const receiverPort = await freePort();
    await new Promise<void>((resolve) => receiver.listen(receiverPort, '127.0.0.1', resolve));
    callbackUrl = `http://127.0.0.1:${receiverPort}/callbacks`;
    const port = await freePort();
    platform = buildSimulatedPlatform({ merchantKeys: [merchantKey], signingSecrets: secrets, publicUrl: `http://127.0.0.1:${port}`, retryBaseMs: 20, maxAttempts: 4 }, 'silent');
    await platform.listen({ port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await platform.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${merchantKey}` }) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const openCheckout = async (merchantReference: string, amount = 200_000) => (await (await post('/v1/checkouts', { merchantReference, amount, currency: 'VND', callbackUrl })).json()) as { checkoutId: string; payerUrl: string };
  const attempt = async (checkoutId: string, body: unknown) => (await (await post(`/simulator/checkouts/${checkoutId}/attempts`, body, {})).json()) as { eventId: string };
  const deliveredOf = (eventId: string) => received.filter((r) => (JSON.parse(r.body) as { id: string }).id === eventId);
  const verifies = ({ body, headers }: { body: string; headers: IncomingHttpHeaders }) => {
    const parts = String(headers['payment-signature']).split(',');
    const t = parts.find((p) => p.startsWith('t='))?.slice(2);
    const v1 = parts.filter((p) => p.startsWith('v1=')).map((p) => p.slice(3));
    return secrets.every((secret) => v1.includes(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')));
  };

  it('opens checkouts for a merchant key only, once per merchant reference', async () => {
    expect((await post('/v1/checkouts', { merchantReference: 'p-0', amount: 1, currency: 'VND', callbackUrl }, { authorization: 'Bearer wrong-key-0123456789' })).status).toBe(401);
    expect((await post('/v1/checkouts', { merchantReference: 'p-0', amount: 1.5, currency: 'VND', callbackUrl })).status).toBe(400);
    const first = await openCheckout('p-1');
    expect(first.payerUrl).toBe(`${base}/pay/${first.checkoutId}`);
    expect((await openCheckout('p-1')).checkoutId).toBe(first.checkoutId);
  });

  it('delivers a signed callback (one v1 per secret), duplicated when asked, and retries a refused delivery', async () => {
    const { checkoutId } = await openCheckout('p-2');
    answers.push(500);
    const { eventId } = await attempt(checkoutId, { outcome: 'SUCCEEDED', delivery: { duplicates: 1 } });
    await eventually(async () => deliveredOf(eventId).length, (n) => n >= 3, { what: 'two copies and a retry' });
    const deliveries = deliveredOf(eventId);
    expect(deliveries.every(verifies)).toBe(true);
    expect(new Set(deliveries.map((d) => d.body)).size).toBe(1);
    expect(JSON.parse(deliveries[0].body)).toMatchObject({ type: 'checkout.succeeded', data: { checkoutId, merchantReference: 'p-2', amount: 200_000, currency: 'VND' } });
    const [record] = (await (await fetch(`${base}/simulator/events?checkoutId=${checkoutId}`)).json()) as { state: string; attempts: { status: number }[] }[];
    expect(record.state).toBe('DELIVERED');
    expect(record.attempts.map((a) => a.status)).toContain(500);
  });

  it('holds an event and its copies until released, so a later one overtakes them all', async () => {
    const { checkoutId } = await openCheckout('p-3');
    const failed = await attempt(checkoutId, { outcome: 'FAILED', failureCode: 'INSUFFICIENT_FUNDS', delivery: { hold: true, duplicates: 2 } });
    const paid = await attempt(checkoutId, { outcome: 'SUCCEEDED' });
    await eventually(async () => deliveredOf(paid.eventId).length, (n) => n === 1, { what: 'the success' });
    expect(deliveredOf(failed.eventId)).toHaveLength(0);
    expect((await post(`/simulator/events/${failed.eventId}/release`, {}, {})).status).toBe(200);
    await eventually(async () => deliveredOf(failed.eventId).length, (n) => n === 3, { what: 'the held failure and its two copies' });
    expect(received.findIndex((r) => r.body.includes(paid.eventId))).toBeLessThan(received.findIndex((r) => r.body.includes(failed.eventId)));
    expect((await post(`/simulator/checkouts/${checkoutId}/attempts`, { outcome: 'SUCCEEDED' }, {})).status).toBe(409);
  });

  it('refunds only what was paid, once per idempotency key', async () => {
    const { checkoutId } = await openCheckout('p-4', 50_000);
    const refund = (amount: number, key: string) => post('/v1/refunds', { merchantReference: 'p-4', amount }, { authorization: `Bearer ${merchantKey}`, 'idempotency-key': key });
    expect((await refund(50_000, 'k-0')).status).toBe(422);
    await attempt(checkoutId, { outcome: 'SUCCEEDED' });
    expect((await refund(60_000, 'k-1')).status).toBe(422);
    const first = await refund(50_000, 'k-2');
    expect(first.status).toBe(201);
    const again = await refund(50_000, 'k-2');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { refundId: string }).refundId).toBe(((await first.json()) as { refundId: string }).refundId);
    expect((await refund(1, 'k-3')).status).toBe(422);
  });
});
