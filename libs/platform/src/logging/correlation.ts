import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingHttpHeaders } from 'node:http';

/** What caused the work under way: the request or event it started from, and the event consumed. */
export interface Correlation {
  /** The id every event and log line of one request's consequences share, across services. */
  correlationId: string;
  /** The event whose consumption this work is (undefined for a request). */
  causationId?: string;
}

export const CORRELATION_HEADER = 'x-correlation-id';

const current = new AsyncLocalStorage<Correlation>();

/**
 * Runs `work` with this correlation: whatever it awaits, its log lines and the events it appends
 * carry it. Ambient, as the transaction is (PgDatabase), so no handler has to pass it along.
 */
export function withCorrelation<T>(correlation: Correlation, work: () => T): T {
  return current.run(correlation, work);
}

export function currentCorrelation(): Correlation | undefined {
  return current.getStore();
}

/** The caller's X-Correlation-Id, else its X-Request-Id, when it is a sane token. */
export function correlationIdOf(headers: IncomingHttpHeaders): string | undefined {
  for (const name of [CORRELATION_HEADER, 'x-request-id']) {
    const given = headers[name];
    if (typeof given === 'string' && SANE_ID.test(given)) return given;
  }
  return undefined;
}

/** Ids land in logs, headers and the envelope (at most 200 characters there): no spaces, no markup. */
const SANE_ID = /^[\w.:-]{1,100}$/;
