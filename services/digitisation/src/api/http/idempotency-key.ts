import { ValidationFailedError } from '@motcua/platform';

/** A creating POST names its Idempotency-Key, so a retry after a lost answer creates nothing new. */
export function requireIdempotencyKey(key: string | undefined): string {
  if (!key || !/^[\w-]{8,100}$/.test(key)) {
    throw new ValidationFailedError([{ field: 'Idempotency-Key', message: 'header required: 8 to 100 letters, digits, _ or -' }]);
  }
  return key;
}
