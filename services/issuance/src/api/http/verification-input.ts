import type { FastifyRequest } from 'fastify';
import { createValidationPipe, DomainError, ValidationFailedError } from '@motcua/platform';
import type { VerificationInput } from '../../application/verify-result/result-verifier';
import { MAX_DOCUMENT_BYTES, VerifyResultRequest } from './verify-result.request';

const pipe = createValidationPipe();

async function validated(body: unknown): Promise<VerifyResultRequest> {
  return (await pipe.transform(body, { type: 'body', metatype: VerifyResultRequest })) as VerifyResultRequest;
}

/** JSON: `{manifest, signature, document?}` with the document in base64. */
export async function fromJson(body: unknown): Promise<VerificationInput> {
  const request = await validated(body);
  return { manifest: request.manifest, signature: request.signature, document: request.document === undefined ? undefined : Buffer.from(request.document, 'base64') };
}

/**
 * multipart/form-data: fields `manifest` (its JSON text) and `signature`, and the file `document`.
 * A file over the limit ends the upload with 413; any other part is named in a 400.
 */
export async function fromMultipart(request: FastifyRequest): Promise<VerificationInput> {
  const fields: Record<string, string> = {};
  let document: Buffer | undefined;
  try {
    // The platform's multipart defaults bound fields to 1 KiB; a manifest's JSON text may be longer.
    for await (const part of request.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES, fieldSize: 64 * 1024, files: 1, fields: 4, parts: 5 } })) {
      if (part.type === 'file' && part.fieldname === 'document' && document === undefined) document = await part.toBuffer();
      else if (part.type === 'field' && (part.fieldname === 'manifest' || part.fieldname === 'signature') && typeof part.value === 'string') fields[part.fieldname] = part.value;
      else {
        if (part.type === 'file') part.file.resume();
        throw new ValidationFailedError([{ field: part.fieldname, message: `${part.fieldname} is not expected: send the fields manifest and signature and the file document` }]);
      }
    }
  } catch (error) {
    throw asVerificationError(error);
  }
  let manifest: unknown = fields['manifest'];
  if (typeof manifest === 'string') {
    try {
      manifest = JSON.parse(manifest);
    } catch {
      throw new ValidationFailedError([{ field: 'manifest', message: 'manifest must be the JSON text of the manifest' }]);
    }
  }
  const checked = await validated({ manifest, signature: fields['signature'] });
  return { manifest: checked.manifest, signature: checked.signature, document };
}

/**
 * The parser's limits in the endpoint's terms: a second file or too many fields is a 400
 * naming what to send once (the parser would say 413). Anything else, a document over the size
 * limit (413) among it, passes unchanged.
 */
function asVerificationError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_FILES_LIMIT') return new ValidationFailedError([{ field: 'document', message: 'send one file, the document' }]);
  const once = (field: string) => ({ field, message: `too many form fields: send ${field} once` });
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return new ValidationFailedError([once('manifest'), once('signature')]);
  return error;
}
