import type { ExpectedVersion } from './event-store.port';

/** An append lost an optimistic-concurrency race: reload the stream and decide again, or answer 409. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_VERSION';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** An event id is already stored: ids are unique forever, so this append is a repeat. */
export class DuplicateEventIdError extends Error {
  readonly code = 'EVENT_STORE.DUPLICATE_EVENT_ID';

  constructor(readonly streamId: string) {
    super(`an event appended to ${streamId} has an id that is already stored`);
    this.name = 'DuplicateEventIdError';
  }
}

/**
 * The stream's last event was written by a transaction newer than this one. The relay reads in
 * transaction-id order, so appending would let this event reach the topic before its
 * predecessor. Retrying inside the same transaction cannot help (its id is fixed): the whole
 * transaction must run again, with a new id (PgDatabase.transaction does so).
 */
export class StreamOrderConflictError extends Error {
  readonly code = 'EVENT_STORE.STREAM_ORDER_CONFLICT';
  readonly retryable = true;

  constructor(readonly streamId: string) {
    super(`stream ${streamId} was last written by a newer transaction; run this transaction again`);
    this.name = 'StreamOrderConflictError';
  }
}

/** Transient by contract: any error carrying `retryable === true` is run again, never dead-lettered. */
export function isRetryable(error: unknown): boolean {
  return (error as { retryable?: unknown } | null)?.retryable === true;
}
