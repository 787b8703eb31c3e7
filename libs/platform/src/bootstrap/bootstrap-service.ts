import { INestApplication, NestApplicationOptions, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { Histogram } from 'prom-client';
import { ConfigClass, ConfigurationError, loadConfig } from '../config/load-config';
import { ServiceConfig } from '../config/service-config';
import { checkDatabase, DatabaseUnavailableError } from '../database/database.provider';
import { allowBulkUploads } from '../http/bulk-upload';
import { acceptMultipart } from '../http/multipart';
import { correlateRequests } from '../logging/correlate-requests';
import { requestId } from '../logging/logging';
import { METRICS } from '../metrics/metrics';
import { setupAsyncApi } from '../openapi/asyncapi';
import { setupOpenApi } from '../openapi/openapi';

export interface BootstrapOptions<C extends ServiceConfig> {
  service: string;
  defaultPort: number;
  config?: ConfigClass<C>;
  /** Keep each request's bytes as `req.rawBody` (JSON and form bodies), for signatures computed over the body as sent. */
  rawBody?: boolean;
  /** Accept multipart/form-data uploads (see http/multipart.ts); each route sets its own limits. */
  multipart?: boolean;
  /** How the Nest application is made from the module; tests substitute providers (e.g. the clock) here. */
  createApplication?: (module: Type<unknown>, adapter: FastifyAdapter, options: NestApplicationOptions) => Promise<NestFastifyApplication>;
}

/** Builds the Fastify application with everything the platform sets up around a service module. */
export async function createServiceApp<C extends ServiceConfig>(module: Type<unknown>, options: BootstrapOptions<C>): Promise<NestFastifyApplication> {
  const config = loadConfig(options.config ?? (ServiceConfig as ConfigClass<C>));
  await checkDatabase(config.DATABASE_URL);
  const adapter = new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES ?? 1024 * 1024, trustProxy: trustedProxies(config.TRUST_PROXY), genReqId: requestId });
  allowBulkUploads(adapter.getInstance());
  correlateRequests(adapter);
  const create = options.createApplication ?? ((m, a, o) => NestFactory.create<NestFastifyApplication>(m, a, o));
  const app = await create(module, adapter, { bufferLogs: true, rawBody: options.rawBody ?? false });
  if (options.multipart) await acceptMultipart(app);
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('v1', { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.enableShutdownHooks();
  recordHttpMetrics(app);
  setupOpenApi(app, options.service);
  setupAsyncApi(app);
  return app;
}

/** main.ts calls this: on a configuration or connection problem, one clear line and exit code 1. */
export async function bootstrapService<C extends ServiceConfig>(module: Type<unknown>, options: BootstrapOptions<C>): Promise<INestApplication | undefined> {
  try {
    const app = await createServiceApp(module, options);
    const port = Number(process.env['PORT'] ?? options.defaultPort);
    const host = process.env['HOST'] ?? '127.0.0.1';
    await app.listen(port, host);
    app.get(Logger).log(`${options.service} listening on http://${host}:${port} (REST /v1, docs /docs, events /asyncapi)`);
    return app;
  } catch (error) {
    const expected = error instanceof ConfigurationError || error instanceof DatabaseUnavailableError;
    const message = expected ? (error as Error).message : `unexpected startup failure: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${options.service} cannot start. ${message}\n`);
    process.exit(1);
  }
}

/**
 * Whom to believe about the client's address: nobody unless configured, since anyone can send
 * X-Forwarded-For; with TRUST_PROXY, those proxies (or that many hops) only.
 */
export function trustedProxies(setting: string | undefined): boolean | number | string[] {
  if (setting === undefined) return false;
  return /^\d+$/.test(setting) ? Number(setting) : setting.split(',');
}

function recordHttpMetrics(app: NestFastifyApplication): void {
  const { httpDuration } = app.get<{ httpDuration: Histogram }>(METRICS);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request, reply) => {
      httpDuration.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
}
