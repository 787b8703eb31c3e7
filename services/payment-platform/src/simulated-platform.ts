import { randomUUID, createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CallbackDelivery, DeliveryOptions } from './callback-delivery';
import { Checkout, Checkouts, PlatformRefusal } from './checkouts';
import type { SimulatorSettings } from './simulator.config';

const positiveInt = { type: 'integer', minimum: 1 } as const;
const CheckoutBody = {
  type: 'object',
  required: ['merchantReference', 'amount', 'currency', 'callbackUrl'],
  additionalProperties: false,
  properties: {
    merchantReference: { type: 'string', minLength: 1, maxLength: 100 },
    amount: positiveInt,
    currency: { const: 'VND' },
    callbackUrl: { type: 'string', pattern: '^https?://' },
    expiresAt: { type: 'string' },
    description: { type: 'string', maxLength: 300 },
  },
} as const;
const AttemptBody = {
  type: 'object',
  required: ['outcome'],
  additionalProperties: false,
  properties: {
    outcome: { enum: ['SUCCEEDED', 'FAILED'] },
    failureCode: { type: 'string', minLength: 1, maxLength: 100 },
    delivery: {
      type: 'object',
      additionalProperties: false,
      properties: { duplicates: { type: 'integer', minimum: 0, maximum: 5 }, delayMs: { type: 'integer', minimum: 0, maximum: 600_000 }, hold: { type: 'boolean' } },
    },
  },
} as const;
const RefundBody = {
  type: 'object',
  required: ['merchantReference', 'amount'],
  additionalProperties: false,
  properties: { merchantReference: { type: 'string', minLength: 1, maxLength: 100 }, amount: positiveInt },
} as const;

/**
 * A local payment platform for development and tests: a merchant API (checkouts, refunds; bearer
 * key), the payer's action (pay or fail an attempt) and controls over callback delivery
 * (duplicate, delay, hold and release to reorder). Its books are in memory.
 */
export function buildSimulatedPlatform(settings: SimulatorSettings, logLevel = 'info'): FastifyInstance {
  const app = Fastify({ logger: { level: logLevel } });
  const checkouts = new Checkouts();
  const delivery = new CallbackDelivery(settings);
  const keys = settings.merchantKeys.map((key) => ({ name: `merchant-${digest(key).toString('hex').slice(0, 8)}`, digest: digest(key) }));

  const view = ({ checkoutId, merchantReference, amount, currency, status, expiresAt, refunded }: Checkout) => ({
    checkoutId,
    refunded,
    merchantReference,
    amount,
    currency,
    status,
    expiresAt,
    payerUrl: `${settings.publicUrl}/pay/${checkoutId}`,
  });
  const merchantOf = (request: FastifyRequest): string => {
    const header = request.headers.authorization ?? '';
    const presented = digest(header.startsWith('Bearer ') ? header.slice(7) : '');
    const found = keys.find((key) => timingSafeEqual(key.digest, presented));
    if (!found) throw new PlatformRefusal(401, 'UNAUTHENTICATED', 'A valid merchant key is required');
    return found.name;
  };

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, _request, reply: FastifyReply) => {
    if (error instanceof PlatformRefusal) return reply.status(error.statusCode).send({ code: error.code, message: error.message });
    if (error.validation) return reply.status(400).send({ code: 'INVALID_REQUEST', message: error.message });
    return reply.status(error.statusCode && error.statusCode < 500 ? error.statusCode : 500).send({ code: 'ERROR', message: error.message });
  });
  app.addHook('onClose', async () => delivery.close());

  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async () => ({ status: 'ok' }));

  app.post<{ Body: { merchantReference: string; amount: number; callbackUrl: string; expiresAt?: string } }>('/v1/checkouts', { schema: { body: CheckoutBody } }, async (request, reply) => {
    const merchant = merchantOf(request);
    const { checkout, created } = checkouts.open({ merchant, currency: 'VND', ...request.body });
    return reply.status(created ? 201 : 200).send(view(checkout));
  });

  app.get<{ Params: { checkoutId: string } }>('/v1/checkouts/:checkoutId', async (request) => view(checkouts.get(request.params.checkoutId, merchantOf(request))));

  app.post<{ Body: { merchantReference: string; amount: number } }>('/v1/refunds', { schema: { body: RefundBody } }, async (request, reply) => {
    const merchant = merchantOf(request);
    const key = String(request.headers['idempotency-key'] ?? randomUUID());
    const { refund, created } = checkouts.refund(merchant, key, request.body.merchantReference, request.body.amount);
    return reply.status(created ? 201 : 200).send(refund);
  });

  // The payer's page, as a portal redirects to it; a developer or a test acts through the attempt below.
  app.get<{ Params: { checkoutId: string } }>('/pay/:checkoutId', async (request) => {
    const checkout = checkouts.get(request.params.checkoutId);
    return { checkoutId: checkout.checkoutId, amount: checkout.amount, currency: checkout.currency, status: checkout.status, pay: `POST /simulator/checkouts/${checkout.checkoutId}/attempts` };
  });

  app.post<{ Params: { checkoutId: string }; Body: { outcome: 'SUCCEEDED' | 'FAILED'; failureCode?: string; delivery?: DeliveryOptions } }>(
    '/simulator/checkouts/:checkoutId/attempts',
    { schema: { body: AttemptBody } },
    async (request, reply) => {
      const { outcome, failureCode, delivery: options } = request.body;
      const checkout = checkouts.attempt(request.params.checkoutId, outcome);
      const data = { checkoutId: checkout.checkoutId, merchantReference: checkout.merchantReference, amount: checkout.amount, currency: checkout.currency };
      const event = {
        id: `evt_${randomUUID()}`,
        type: outcome === 'SUCCEEDED' ? ('checkout.succeeded' as const) : ('checkout.failed' as const),
        created: Math.floor(Date.now() / 1000),
        data: outcome === 'SUCCEEDED' ? { ...data, reference: checkout.reference } : { ...data, failureCode: failureCode ?? 'DECLINED' },
      };
      const record = delivery.submit(event, checkout.callbackUrl, options);
      return reply.status(202).send({ eventId: event.id, checkoutStatus: checkout.status, delivery: record.state });
    },
  );

  app.get<{ Querystring: { checkoutId?: string } }>('/simulator/events', async (request) =>
    [...delivery.records.values()].filter((r) => !request.query.checkoutId || r.event.data.checkoutId === request.query.checkoutId).map((r) => ({ ...r.event, state: r.state, attempts: r.attempts })),
  );

  app.post<{ Params: { eventId: string } }>('/simulator/events/:eventId/release', async (request) => {
    const record = delivery.release(request.params.eventId);
    if (!record) throw new PlatformRefusal(404, 'NO_SUCH_EVENT', 'No such event');
    return { eventId: record.event.id, delivery: record.state };
  });

  return app;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
