import { Controller, Get, Headers, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONFIG, CurrentPrincipal, Principal, requireIdempotencyKey, Roles, uuidParam, ValidationFailedError } from '@motcua/platform';
import { DocumentContent, ReadDocument } from '../../application/read-document/read-document.query';
import { DOCUMENT_STORAGE, DocumentStorage } from '../../application/storage/document-storage';
import { StoredDocument, UploadDocument, UploadPurpose } from '../../application/upload-document/upload-document.command';
import { DEFAULT_DOCUMENT_MAX_BYTES, DigitisationConfig } from '../../digitisation.config';

import { discardStagedAfter, receiveUpload } from './multipart-upload';
import { documentUploadBody } from './upload.schemas';

const PURPOSES: readonly UploadPurpose[] = ['UPLOAD', 'RESULT'];

/** Files in and out: portals upload before they submit, officers upload result documents; both download. */
@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CONFIG) private readonly config: DigitisationConfig,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  @Post()
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: 'Store a document (multipart, part `file`): answers its id and SHA-256, to name in a dossier submitted to intake' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(documentUploadBody)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiResponse({ status: 413, description: 'Larger than DOCUMENT_MAX_BYTES (DOCUMENT.TOO_LARGE); nothing stored' })
  @ApiResponse({ status: 415, description: 'Not PDF, JPEG, PNG or TIFF by its content, or not multipart (DOCUMENT.UNSUPPORTED_TYPE); nothing stored' })
  async upload(
    @Req() request: FastifyRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() caller: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StoredDocument> {
    const idempotencyKey = requireIdempotencyKey(key);
    const upload = await receiveUpload(request, this.storage, this.config.DOCUMENT_MAX_BYTES ?? DEFAULT_DOCUMENT_MAX_BYTES, ['purpose']);
    const { response, replayed } = await discardStagedAfter(upload, () => {
      const purpose = (upload.fields['purpose'] ?? 'UPLOAD') as UploadPurpose;
      if (!PURPOSES.includes(purpose)) throw new ValidationFailedError([{ field: 'purpose', message: 'purpose must be UPLOAD or RESULT' }]);
      return this.commands.execute<UploadDocument, { response: StoredDocument; replayed: boolean }>(new UploadDocument(caller, idempotencyKey, upload, purpose));
    });
    void reply.status(replayed ? 200 : 201).header('idempotent-replayed', String(replayed));
    return response;
  }

  @Get(':documentId')
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: "A document's content, with its media type and its SHA-256 as the ETag" })
  async download(@Param('documentId', uuidParam('documentId')) documentId: string, @CurrentPrincipal() caller: Principal, @Res() reply: FastifyReply): Promise<void> {
    const { document, content } = await this.queries.execute<ReadDocument, DocumentContent>(new ReadDocument(documentId, caller));
    await reply
      .header('content-type', document.mediaType)
      .header('content-length', String(document.bytes))
      .header('etag', `"${document.sha256}"`)
      .header('x-content-sha256', document.sha256)
      .header('cache-control', 'private, max-age=0')
      .send(content);
  }
}
