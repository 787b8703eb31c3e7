import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { internalProblem, toProblem } from './problem-details';

/** The one place errors become HTTP answers: application/problem+json, never a stack trace. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    // Readiness says which component is down in the health check's own format; it is no error.
    if (error instanceof ServiceUnavailableException) {
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE).send(error.getResponse());
      return;
    }
    let body = toProblem(error);
    if (!body) {
      this.logger.error({ err: error, method: request.method, route: request.routeOptions?.url }, 'unexpected error');
      body = internalProblem();
    } else if (body.status === HttpStatus.SERVICE_UNAVAILABLE) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      this.logger.warn({ code, reason: message, method: request.method, route: request.routeOptions?.url }, 'answered 503: a dependency is unavailable');
      void reply.header('retry-after', '2');
    }
    void reply
      .status(body.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send({ ...body, instance: request.url });
  }
}
