import { HttpException, HttpStatus } from '@nestjs/common';
import { StreamOrderConflictError, WrongExpectedVersionError } from '@motcua/event-store';
import { DomainError, FieldError, statusOfKind } from './domain-error';
import { isTransient } from './transient-failure';

/** RFC 9457 problem details, plus the stable `code` and, for validation, every failing field. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: FieldError[];
}

const httpCodes: Record<number, string> = {
  400: 'REQUEST.MALFORMED',
  404: 'HTTP.NOT_FOUND',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

/** Maps anything thrown while serving a request; `undefined` means an unexpected error (500). */
export function toProblem(error: unknown): ProblemDetails | undefined {
  if (error instanceof DomainError) {
    return problem(statusOfKind[error.kind], error.code, error.message, error.fieldErrors.length ? error.fieldErrors : undefined);
  }
  if (error instanceof WrongExpectedVersionError || error instanceof StreamOrderConflictError) {
    return problem(409, error.code, 'The resource was changed by another request; reload it and try again');
  }
  // Framework refusals: Nest's HttpExceptions, and Fastify's (body not JSON, too large, wrong
  // media type) which carry a 4xx statusCode. A parser's message can quote the body, so a 400
  // gets a fixed detail.
  const status = error instanceof HttpException ? error.getStatus() : (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const detail = status === 400 ? 'The request could not be read: the body is not well-formed JSON or a parameter is malformed' : (error as Error).message;
    return problem(status, httpCodes[status] ?? `HTTP.${status}`, detail);
  }
  // PostgreSQL or the broker away, or out of connections: the request may simply be retried.
  // A conflict the store calls retryable was answered 409 above.
  if (isTransient(error)) return problem(503, 'SERVICE.UNAVAILABLE', 'A component this service depends on is unavailable for now; retry shortly');
  return undefined;
}

export function internalProblem(): ProblemDetails {
  return problem(500, 'INTERNAL', 'An unexpected error occurred; it has been logged');
}

function problem(status: number, code: string, detail: string, errors?: FieldError[]): ProblemDetails {
  return {
    type: `urn:motcua:problem:${code.toLowerCase()}`,
    title: titleOf(status),
    status,
    detail,
    code,
    ...(errors ? { errors } : {}),
  };
}

function titleOf(status: number): string {
  const name = HttpStatus[status];
  return name ? name.toLowerCase().replace(/(^|_)(\w)/g, (_m, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase()) : 'Error';
}
