import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { FeeKind, Id, Instant, Uuid, Vnd } from './common.schemas';
import { Literals, strict } from './schema-helpers';

/** Payment's events; subject and key: the dossier id. Every amount is integer VND. */
const topic = Topics.payment;
const FailureReason = Type.String({ minLength: 1, maxLength: 500 });

/** One line of the bill: the listed amount, and what is due after the online rule applied. */
const AssessedItem = Type.Object({ code: Id, kind: FeeKind, listed: Vnd, due: Vnd, rule: Literals('NONE', 'EXEMPT', 'DISCOUNT_PERCENT', 'FIXED_AMOUNT') }, strict);

export const FeeAssessed = defineEvent({
  type: 'FeeAssessed',
  version: 1,
  topic,
  schema: Type.Object(
    {
      dossierId: Uuid,
      assessedAt: Instant,
      items: Type.Array(AssessedItem),
      total: Vnd,
      /** A fee-bearing procedure brought to 0 by an online exemption: it leaves the 766 §3.6 denominator. */
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

/** ONLINE counts toward the 766 §3.6 online payment rate; CASH is paid at the counter. */
export const PaymentSucceeded = defineEvent({
  type: 'PaymentSucceeded',
  version: 1,
  topic,
  schema: Type.Object(
    { dossierId: Uuid, paymentId: Id, paidAt: Instant, amount: Vnd, method: Literals('ONLINE', 'CASH'), platformReference: Type.Optional(Id) },
    strict,
  ),
});

/** The reason is the gateway's code or message, never card or account details. */
export const PaymentFailed = defineEvent({
  type: 'PaymentFailed',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, paymentId: Id, failedAt: Instant, reason: FailureReason }, strict),
});

export const PaymentExpired = defineEvent({
  type: 'PaymentExpired',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, paymentId: Id, expiredAt: Instant }, strict),
});

/** Under the refund rule of the procedure snapshot (withdrawal, stop). */
export const PaymentRefunded = defineEvent({
  type: 'PaymentRefunded',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, paymentId: Id, refundedAt: Instant, amount: Vnd, reason: Literals('WITHDRAWN', 'STOPPED', 'OTHER') }, strict),
});

export const paymentEvents = [FeeAssessed, PaymentRequested, PaymentSucceeded, PaymentFailed, PaymentExpired, PaymentRefunded];
