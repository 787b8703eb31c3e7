import type { Idempotent } from './idempotency';
import { ValidationFailedError } from '../errors/domain-error';

const KEY = /^[\w-]{8,100}$/;

/** A creating POST names its Idempotency-Key, so a retry after a lost answer creates nothing new. */
export function requireIdempotencyKey(key: string | undefined): string {
  if (!key || !KEY.test(key)) {
    throw new ValidationFailedError([{ field: 'Idempotency-Key', message: 'header required: 8 to 100 letters, digits, _ or -' }]);
  }
  return key;
}

/**
 * An act on something that exists (receive a dossier, take a cash payment, record a delivery) may
 * name an Idempotency-Key: a retry with it gets the first answer; without one, a repeat is refused
 * as the domain refuses it (409), as before.
 */
export function optionalIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined || key === '') return undefined;
  if (!KEY.test(key)) throw new ValidationFailedError([{ field: 'Idempotency-Key', message: 'header: 8 to 100 letters, digits, _ or -' }]);
  return key;
}

/** OpenAPI for the optional header of a retryable act. */
export const RETRY_KEY = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Optional, 8 to 100 letters, digits, _ or -. A retry with the same key and body gets the first answer (header idempotent-replayed: true) instead of 409; the same key with another body is 422.',
} as const;

/**
 * The answer of an idempotent act, saying in a header whether it is the first answer given again;
 * an act that creates something answers 201 the first time and 200 to a repeat.
 */
export function replied<T>(reply: { header(name: string, value: string): unknown; status(code: number): unknown }, { response, replayed }: Idempotent<T>, { creates = false } = {}): T {
  reply.header('idempotent-replayed', String(replayed));
  if (creates) reply.status(replayed ? 200 : 201);
  return response;
}
