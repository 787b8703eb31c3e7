import multipart from '@fastify/multipart';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { MAX_DOCUMENT_BYTES } from './verify-result.request';

/**
 * Lets the verification take the document as a file (multipart/form-data) as well as base64 in
 * JSON. Registered unless the platform already did: a second registration would refuse to start.
 */
@Injectable()
export class MultipartUploads implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('multipart/form-data')) return;
    // Queued, not awaited: awaiting would load the routes queued so far before Nest installs its
    // error handler, and parse errors would escape the problem+json filter.
    void fastify.register(multipart, { throwFileSizeLimit: true, limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 4, fieldSize: 64 * 1024, parts: 5 } });
  }
}
