import { Type } from '@sinclair/typebox';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { Id, Instant, Uuid, Vnd } from './common.schemas';

const strict = { additionalProperties: false } as const;
const topic = Topics.payment;
const Method = Type.Union([Type.Literal('ONLINE'), Type.Literal('CASH')]);

export const FeeAssessed = defineEvent({
  type: 'FeeAssessed',
  version: 1,
  topic,
  schema: Type.Object(
    {
      dossierId: Uuid,
      assessedAt: Instant,
      items: Type.Array(
        Type.Object({ code: Id, kind: Type.Union([Type.Literal('FEE'), Type.Literal('CHARGE')]), listed: Vnd, due: Vnd, rule: Type.String({ maxLength: 40 }) }, strict),
      ),
      total: Vnd,
      /** True when an online exemption brought a fee-bearing procedure to 0: it leaves the 766 §3.6 denominator. */
      exempt: Type.Boolean(),
      payFirst: Type.Boolean(),
    },
    strict,
  ),
});

export const PaymentRequested = defineEvent({
  type: 'PaymentRequested',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, paymentId: Id, requestedAt: Instant, amount: Vnd, expiresAt: Instant }, strict),
});

export const PaymentSucceeded = defineEvent({
  type: 'PaymentSucceeded',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, paymentId: Id, paidAt: Instant, amount: Vnd, method: Method, platformReference: Type.Optional(Id) }, strict),
});

export const PaymentFailed = defineEvent({
  type: 'PaymentFailed',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, paymentId: Id, failedAt: Instant, reason: Type.String({ maxLength: 500 }) }, strict),
});

export const PaymentExpired = defineEvent({
  type: 'PaymentExpired',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, paymentId: Id, expiredAt: Instant }, strict),
});

export const PaymentRefunded = defineEvent({
  type: 'PaymentRefunded',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, paymentId: Id, refundedAt: Instant, amount: Vnd, reason: Type.String({ maxLength: 500 }) }, strict),
});

export const paymentEvents = [FeeAssessed, PaymentRequested, PaymentSucceeded, PaymentFailed, PaymentExpired, PaymentRefunded];
