import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from '@motcua/platform';
import type { DocumentStorage, StagedContent } from '../../application/storage/document-storage';
import { DocumentTooLargeError, NotMultipartError, UnsupportedDocumentTypeError } from '../../domain/document/document.errors';
import { AcceptedMediaType, acceptedMediaType } from '../../domain/document/media-type';

/** A file received and staged (not yet kept), with its type told from its content, and the form's other fields. */
export interface ReceivedUpload {
  content: StagedContent;
  mediaType: AcceptedMediaType;
  fields: Record<string, string>;
}

/**
 * Reads a multipart upload: the part named `file` is streamed to staging while it is hashed and
 * measured; other parts must be among `fields`. Any refusal (413, 415, 400) discards the staged
 * file, so a refused upload leaves nothing on disk.
 */
export async function receiveUpload(request: FastifyRequest, storage: DocumentStorage, maxBytes: number, fields: readonly string[]): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new NotMultipartError();
  let content: StagedContent | undefined;
  let declared: string | undefined;
  const values: Record<string, string> = {};
  try {
    // One byte more than allowed reaches the stager, which refuses it; the parser's own limit is a backstop.
    for await (const part of request.parts({ limits: { fileSize: maxBytes + 1 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new ValidationFailedError([{ field: part.fieldname, message: 'the file goes in the part named file' }]);
        content = await storage.stage(part.file, maxBytes);
        if (part.file.truncated) throw new DocumentTooLargeError(maxBytes);
        declared = part.mimetype;
      } else {
        if (!fields.includes(part.fieldname)) throw new ValidationFailedError([{ field: part.fieldname, message: `${part.fieldname} is not a field of this upload` }]);
        values[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    await content?.discard();
    discardRest(request, maxBytes);
    throw asUploadError(error, maxBytes);
  }
  if (!content) throw new ValidationFailedError([{ field: 'file', message: 'file is required: the document, in a part named file' }]);
  const mediaType = acceptedMediaType(content.head, declared);
  if (!mediaType) {
    await content.discard();
    throw new UnsupportedDocumentTypeError();
  }
  return { content, mediaType, fields: values };
}

/**
 * A refusal in the middle of the body (too large, a second file) leaves the client still sending:
 * unless the rest is read, it never gets to read the answer. The rest is read and dropped, up to a
 * bound beyond which the connection is cut instead.
 */
function discardRest(request: FastifyRequest, maxBytes: number): void {
  const raw = request.raw;
  if (raw.readableEnded || raw.destroyed) return;
  const bound = Math.max(4 * maxBytes, 32 * 1024 * 1024);
  let dropped = 0;
  raw.unpipe();
  raw.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > bound) raw.destroy();
  });
  raw.resume();
}

/**
 * The parser's refusals in the service's terms; its messages never quote the body. A body the
 * parser cannot read (no boundary, cut short, a malformed part) is the client's fault, a 400; only
 * the store's own failures (a filesystem error) stay unexpected, a 500.
 */
function asUploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof DomainError) return error;
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new DocumentTooLargeError(maxBytes);
  if (code === 'FST_FILES_LIMIT') return new ValidationFailedError([{ field: 'file', message: 'send one file per upload' }]);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new ValidationFailedError([{ field: 'file', message: 'too many form fields' }]);
  if (syscall !== undefined) return error;
  return new ValidationFailedError([{ field: 'file', message: 'the multipart/form-data body could not be read' }]);
}

/**
 * Runs the work, then discards the staged file whatever came of it: work that kept the file has
 * already moved it into the store (the discard then finds nothing), and work that refused the
 * upload (a conflict, a lost race) leaves nothing behind.
 */
export async function discardStagedAfter<T>(upload: ReceivedUpload, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await upload.content.discard();
  }
}

/** A form field as a whole number in a range, or a 400 naming the field. */
export function integerField(fields: Record<string, string>, name: string, min: number, max: number): number {
  const raw = fields[name];
  const value = raw !== undefined && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(value >= min && value <= max)) throw new ValidationFailedError([{ field: name, message: `${name} must be a whole number from ${min} to ${max}` }]);
  return value;
}
