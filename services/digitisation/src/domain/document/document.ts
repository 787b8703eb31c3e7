import type { Decider } from '@motcua/event-store';
import type { DocumentStored, EventData } from '@motcua/contracts';

export type DocumentStoredData = EventData<typeof DocumentStored>;
export type DocumentOrigin = DocumentStoredData['origin'];
export type DocumentEvent = { type: 'DocumentStored'; data: DocumentStoredData };
export type StoreDocument = { type: 'StoreDocument'; document: DocumentStoredData };

/** A document's own stream; prefixed, so it never meets a dossier's (a bare uuid). */
export const documentStream = (documentId: string) => `document-${documentId}`;

/**
 * A document is stored once under its id: every upload gets a new id, even when its bytes are
 * already held (the content is stored once, by its hash; the documents are distinct facts).
 */
export const documentDecider: Decider<StoreDocument, DocumentEvent, { stored: boolean }> = {
  initialState: { stored: false },
  evolve: () => ({ stored: true }),
  decide: (command, state) => (state.stored ? [] : [{ type: 'DocumentStored', data: command.document }]),
};
