import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BulkUpload, Public } from '@motcua/platform';
import { ResultVerifier } from '../../application/verify-result/result-verifier';
import type { Verdict } from '../../domain/signature/verify-result';
import { MAX_DOCUMENT_BASE64, VerifyResultRequest } from './verify-result.request';

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
    summary:
      'Verify an e-result: the key (active or retired), the Ed25519 signature over the canonical manifest, and, when the document is sent, its SHA-256. 200 {valid, reasons: UNKNOWN_KEY | SIGNATURE_MISMATCH | DOCUMENT_HASH_MISMATCH}',
  })
  @ApiResponse({ status: 400, description: 'Not a result: the body is not JSON or a field is missing or malformed (named in errors)' })
  @ApiResponse({ status: 413, description: 'The document is too large' })
  verify(@Body() body: VerifyResultRequest): Promise<Verdict> {
    const document = body.document === undefined ? undefined : Buffer.from(body.document, 'base64');
    return this.verifier.verify({ manifest: body.manifest, signature: body.signature, document });
  }
}
