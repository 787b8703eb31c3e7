import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import { currentCorrelation } from './correlation';

/** Personal data never reaches the logs, wherever it sits in a logged object. */
// `name` is not listed: errors, procedures and documents have names; people's are `fullName`.
const PERSONAL_FIELDS = ['citizenId', 'idNumber', 'identifier', 'taxCode', 'fullName', 'address', 'phone', 'email', 'dateOfBirth', 'applicant'];

export function redactionPaths(depth = 4): string[] {
  const paths = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'];
  for (const field of PERSONAL_FIELDS) {
    for (let level = 0; level <= depth; level++) paths.push([...Array(level).fill('*'), field].join('.'));
  }
  return paths;
}

/** The fields every log line gets from the work under way: its correlation id and, consuming, the event consumed. */
export function correlationFields(): Record<string, string> {
  const correlation = currentCorrelation();
  if (!correlation) return {};
  return correlation.causationId ? { correlationId: correlation.correlationId, causationId: correlation.causationId } : { correlationId: correlation.correlationId };
}

export function loggingParams(service: string, level = 'info'): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      base: { service },
      mixin: correlationFields,
      redact: { paths: redactionPaths(), censor: '[redacted]' },
      // Probes hit these every few seconds; logging them drowns everything else.
      autoLogging: { ignore: (request: IncomingMessage & { originalUrl?: string }) => /^\/(health|metrics)/.test(request.originalUrl ?? request.url ?? '') },
      serializers: {
        req: (request: { id: unknown; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url?.split('?')[0] }),
      },
    },
  };
}

/** Request ids: the caller's x-request-id when it is a sane token, else a fresh UUID. */
export function requestId(request: { headers: IncomingMessage['headers'] }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
}
