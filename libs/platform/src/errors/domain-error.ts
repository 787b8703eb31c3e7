/** How a rule broken in the domain reads over HTTP (one mapping, in ProblemDetailsFilter). */
export type ErrorKind = 'VALIDATION' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RULE' | 'TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'UNAVAILABLE';

export const statusOfKind: Record<ErrorKind, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE: 422,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Something this service depends on did not answer; the same request may succeed later. */
  UNAVAILABLE: 503,
};

export interface FieldError {
  /** Dotted path of the field in the request, e.g. `applicant.citizenId`. */
  field: string;
  message: string;
}

/**
 * Base of every typed error a service throws on purpose. `code` is stable (clients branch on it,
 * e.g. DOSSIER.ALREADY_RECEIVED); the message must not carry personal data.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  constructor(fieldErrors: FieldError[], message = 'The request is not valid') {
    super('REQUEST.INVALID', 'VALIDATION', message, fieldErrors);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication is required') {
    super('AUTH.UNAUTHENTICATED', 'UNAUTHORIZED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'FORBIDDEN', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'NOT_FOUND', message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'CONFLICT', message);
  }
}

/**
 * Ends a switch over a union (event or command types): the compiler names the case forgotten. At
 * run time it names only the unexpected kind, never the value, which may carry an applicant's data.
 */
export function assertNever(value: never): never {
  const kind = (value as { type?: unknown } | null)?.type ?? typeof value;
  throw new Error(`unhandled case: ${String(kind)}`);
}
