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
