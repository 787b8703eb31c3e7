import { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { asyncApiDocument } from '@motcua/contracts';

/**
 * The AsyncAPI 3 document of every topic and event at /asyncapi, as each service's OpenAPI is at
 * /docs: generated from libs/contracts when the service starts, with this deployment's topic names.
 */
export function setupAsyncApi(app: INestApplication, version = '1'): void {
  const document = JSON.stringify(asyncApiDocument(version));
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.get('/asyncapi', async (_request, reply) => reply.type('application/json; charset=utf-8').send(document));
}
