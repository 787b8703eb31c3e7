import { randomUUID } from 'node:crypto';
import type { EventCodec, RecordedEvent } from '@motcua/event-store';
import { toOutgoingMessage } from '@motcua/messaging';
import type { OutgoingMessage } from '@motcua/messaging';
import type { DocumentEvent } from '../domain/document/document';
import { DossierDigitisationEvent, INTERNAL_DOSSIER_EVENTS, occurredAt } from '../domain/dossier/dossier-digitisation.events';

/** A dossier's events, keyed by the dossier, stored with the time they happened (never the clock's). */
export const dossierCodec: EventCodec<DossierDigitisationEvent> = {
  encode: (event) => {
    const time = occurredAt(event);
    return { id: randomUUID(), type: event.type, data: event.data, metadata: { subject: event.data.dossierId, time } };
  },
  decode: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as DossierDigitisationEvent,
};

/** A document's event: subject and key are the document id (the file exists before any dossier uses it). */
export const documentCodec: EventCodec<DocumentEvent> = {
  encode: (event) => ({ id: randomUUID(), type: event.type, data: event.data, metadata: { subject: event.data.documentId, time: event.data.storedAt } }),
  decode: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as DocumentEvent,
};

/** The relay publishes digitisation's integration events and keeps the internal ones home. */
export function publishedDigitisationEvent(event: RecordedEvent, source: string): OutgoingMessage | undefined {
  return INTERNAL_DOSSIER_EVENTS.has(event.type) ? undefined : toOutgoingMessage(event, source);
}
