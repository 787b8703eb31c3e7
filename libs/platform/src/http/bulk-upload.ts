import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

const BULK_UPLOAD = 'motcuaBulkUpload';

export interface BulkUploadOptions {
  /** Largest body the route accepts; every other route keeps the service's BODY_LIMIT_BYTES. */
  maxBytes: number;
}

/**
 * Marks a route that takes a large body, as JSON or as text/csv (a catalogue import, say). The
 * limit is raised for that route only, so a small endpoint cannot be made to buffer megabytes.
 */
export const BulkUpload = (options: BulkUploadOptions) => RouteConfig({ [BULK_UPLOAD]: options });

function bulkOptions(config: unknown): BulkUploadOptions | undefined {
  return (config as Record<string, BulkUploadOptions | undefined> | undefined)?.[BULK_UPLOAD];
}

/** Installs what @BulkUpload needs; must run before the routes are registered (app.init). */
export function allowBulkUploads(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const bulk = bulkOptions(route.config);
    if (bulk) route.bodyLimit = bulk.maxBytes;
  });
  // CSV arrives as a string; only bulk routes read it, the others answer 415 as before.
  fastify.addContentTypeParser('text/csv', { parseAs: 'string' }, (request, body, done) => {
    if (bulkOptions(request.routeOptions.config)) return done(null, body);
    done(Object.assign(new Error(`Unsupported Media Type: text/csv`), { statusCode: 415 }), undefined);
  });
}
