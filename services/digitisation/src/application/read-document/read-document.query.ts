import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@motcua/platform';
import { ForbiddenError } from '@motcua/platform';
import { DocumentNotFoundError } from '../../domain/document/document.errors';
import { DocumentFactsReader, HeldDocument } from '../document-facts';
import { DOCUMENT_STORAGE, DocumentStorage } from '../storage/document-storage';

/**
 * A document's content for the portal that uploaded it or submitted a dossier that uses it, ADMIN,
 * or an officer of a unit that uses it. Any other portal is told there is no such document.
 */
export class ReadDocument {
  constructor(
    readonly documentId: string,
    readonly caller: Principal,
  ) {}
}

export interface DocumentContent {
  document: HeldDocument;
  content: Readable;
}

@QueryHandler(ReadDocument)
export class ReadDocumentHandler implements IQueryHandler<ReadDocument, DocumentContent> {
  constructor(
    private readonly facts: DocumentFactsReader,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async execute({ documentId, caller }: ReadDocument): Promise<DocumentContent> {
    const document = await this.facts.document(documentId);
    if (!document) throw new DocumentNotFoundError();
    if (caller.kind === 'portal' && document.storedByPortal !== caller.id && !(await this.facts.usedByPortal(documentId, caller.id))) throw new DocumentNotFoundError();
    if (caller.kind === 'officer' && caller.role !== 'ADMIN' && document.storedByUnit !== caller.unit && !(await this.facts.unitsUsing(documentId)).has(caller.unit)) {
      throw new ForbiddenError('AUTH.OTHER_UNIT', 'This document belongs to dossiers of other administrative units');
    }
    const content = await this.storage.open(document.sha256);
    // A record without its file is the store's fault, not the caller's: a 500, logged.
    if (!content) throw new Error(`the store does not hold the content of document ${documentId}`);
    return { document, content };
  }
}
