import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock, ForbiddenError, IdempotentRequests } from '@motcua/platform';
import { Documents } from '../documents';
import { idempotencyClient, storedBy } from '../officers';
import { StoredDocument, UploadDocument } from './upload-document.command';

/**
 * A new document id per upload, even for bytes already held. A retry with the same
 * Idempotency-Key and the same file answers with the first document and stores nothing new.
 */
@CommandHandler(UploadDocument)
export class UploadDocumentHandler implements ICommandHandler<UploadDocument, { response: StoredDocument; replayed: boolean }> {
  constructor(
    private readonly documents: Documents,
    private readonly idempotent: IdempotentRequests,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ caller, idempotencyKey, file, purpose }: UploadDocument): Promise<{ response: StoredDocument; replayed: boolean }> {
    // Result documents are the agencies' own: a portal uploads for applicants only.
    if (purpose === 'RESULT' && caller.kind !== 'officer') throw new ForbiddenError('DOCUMENT.RESULT_BY_OFFICERS', 'Only officers store result documents');
    const { sha256, bytes } = file.content;
    const request = { sha256, bytes, mediaType: file.mediaType, purpose };
    return this.idempotent.run(idempotencyClient(caller), idempotencyKey, request, async () => {
      const document = { documentId: randomUUID(), storedAt: this.clock.now().toISOString(), sha256, bytes, mediaType: file.mediaType, origin: purpose };
      await this.documents.record(document, storedBy(caller), file.content);
      return { documentId: document.documentId, sha256, bytes, mediaType: file.mediaType, origin: purpose, storedAt: document.storedAt };
    });
  }
}
