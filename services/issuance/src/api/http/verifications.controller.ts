import { Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BulkUpload, Public } from '@motcua/platform';
import { ResultVerifier } from '../../application/verify-result/result-verifier';
import type { Verdict } from '../../domain/signature/verify-result';
import { fromJson, fromMultipart } from './verification-input';
import { MAX_DOCUMENT_BASE64, MAX_DOCUMENT_BYTES, VerifyResultRequest } from './verify-result.request';

/** Public: anyone holding a result checks it, with no account. */
@ApiTags('verifications')
@Controller('verifications')
export class VerificationsController {
  constructor(private readonly verifier: ResultVerifier) {}

  @Post()
  @Public()
  @HttpCode(HttpStatus.OK)
  // The document rides in the body as base64: this route alone takes a body that large.
  @BulkUpload({ maxBytes: MAX_DOCUMENT_BASE64 + 64 * 1024 })
  @ApiOperation({
    security: [],
    summary:
      'Verify an e-result: the key (active or retired), the Ed25519 signature over the canonical manifest, and, when the document is sent, its SHA-256. 200 {valid, reasons: UNKNOWN_KEY | SIGNATURE_MISMATCH | DOCUMENT_HASH_MISMATCH}',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiExtraModels(VerifyResultRequest)
  @ApiBody({
    description: `JSON (document in base64), or multipart/form-data with the fields manifest (JSON text) and signature and the file document (at most ${MAX_DOCUMENT_BYTES} bytes)`,
    schema: { $ref: getSchemaPath(VerifyResultRequest) },
  })
  @ApiResponse({ status: 400, description: 'Not a result: the body is not JSON or a field is missing or malformed (named in errors)' })
  @ApiResponse({ status: 413, description: 'The document is too large' })
  async verify(@Req() request: FastifyRequest): Promise<Verdict> {
    const input = request.isMultipart() ? await fromMultipart(request) : await fromJson(request.body);
    return this.verifier.verify(input);
  }
}
