import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { documentDecider, DocumentStoredData, documentStream } from '../domain/document/document';
import { DigitisationTablesProjection, StoredBy } from '../projections/digitisation-tables/digitisation-tables.projection';
import { documentCodec } from './event-streams';
import type { StagedContent } from './storage/document-storage';

/** Records a document in its own stream and in the documents table; called inside the caller's transaction. */
@Injectable()
export class Documents {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tables: DigitisationTablesProjection,
  ) {}

  /**
   * The staged content is kept last, still inside the transaction: if keeping fails nothing is
   * recorded, and if the commit fails afterwards only an unreferenced file remains (harmless: the
   * same bytes uploaded later map to it), never a record without its file.
   */
  async record(document: DocumentStoredData, by: StoredBy, content: StagedContent): Promise<void> {
    await handleCommand(this.store, documentStream(document.documentId), documentDecider, documentCodec, { type: 'StoreDocument', document });
    await this.tables.documentStored(document, by);
    await content.keep();
  }
}
