import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The page's own files (services/projections/dashboard; `npm run build` copies them beside the compiled code) and Chart.js's UMD bundle, served as installed. */
export const DASHBOARD_ROOT = join(__dirname, '..', '..', '..', 'dashboard');
// The package's exports name no file of dist/ but its CommonJS entry, which sits beside the UMD bundle.
const CHART_JS_DIR = dirname(require.resolve('chart.js'));

/**
 * /dashboard is static and public, outside Nest's routes and the /v1 prefix: the page holds no
 * figures; it asks for an officer's token and every number it shows comes from the /v1 API
 * under that token's role and units.
 */
@Injectable()
export class DashboardSite implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  private readonly logger = new Logger(DashboardSite.name);

  async onModuleInit(): Promise<void> {
    // A build without the page's files still serves the API.
    if (!existsSync(join(DASHBOARD_ROOT, 'index.html'))) return this.logger.warn(`no dashboard files at ${DASHBOARD_ROOT}: /dashboard is not served`);
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(fastifyStatic, { root: DASHBOARD_ROOT, prefix: '/dashboard/', index: 'index.html', cacheControl: false });
    // The page's modules are addressed relative to /dashboard/.
    fastify.get('/dashboard', (request, reply) => reply.redirect(`/dashboard/${request.url.slice('/dashboard'.length)}`));
    fastify.get('/dashboard/vendor/chart.umd.min.js', (_request, reply) => reply.sendFile('chart.umd.min.js', CHART_JS_DIR));
  }
}
