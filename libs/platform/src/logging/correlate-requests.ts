import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { CORRELATION_HEADER, correlationIdOf, withCorrelation } from './correlation';

/**
 * Each request runs in its correlation: the caller's X-Correlation-Id (or X-Request-Id), else the
 * request's own id. Answered in X-Correlation-Id, so a caller can quote it to the operators.
 */
export function correlateRequests(adapter: FastifyAdapter): void {
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    const correlationId = correlationIdOf(request.headers) ?? request.id;
    reply.header(CORRELATION_HEADER, correlationId);
    // The rest of the request (Nest's pipeline, the handler, its appends) runs inside `done`.
    withCorrelation({ correlationId }, done);
  });
}
