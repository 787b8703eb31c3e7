import { randomUUID } from 'node:crypto';
import { digitisationEvents, integrationEvents } from '@motcua/contracts';
import type { EventCodec, RecordedEvent } from '@motcua/event-store';
import { toOutgoingMessage } from '@motcua/messaging';
import type { OutgoingMessage } from '@motcua/messaging';
import type { DocumentEvent } from '../domain/document/document';
import { DossierDigitisationEvent, INTERNAL_DOSSIER_EVENTS, occurredAt } from '../domain/dossier/dossier-digitisation.events';

const published = new Map<string, (typeof digitisationEvents)[number]>(digitisationEvents.map((definition) => [definition.type, definition]));

/**
 * An integration event is checked against its contract when it is stored, not when the relay
 * sends it: a relay that refused a stored event would stall the whole log behind it.
 */
function checked(type: string, subject: string, data: unknown, time: string): void {
  const definition = published.get(type);
  if (definition) integrationEvents.createEnvelope(definition, { source: 'motcua/digitisation', subject, time, data: data as never });
}

/** A dossier's events, keyed by the dossier, stored with the time they happened (never the clock's). */
export const dossierCodec: EventCodec<DossierDigitisationEvent> = {
  encode: (event) => {
    const time = occurredAt(event);
    checked(event.type, event.data.dossierId, event.data, time);
    return { id: randomUUID(), type: event.type, data: event.data, metadata: { subject: event.data.dossierId, time } };
  },
  decode: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as DossierDigitisationEvent,
};

/** A document's event: subject and key are the document id (the file exists before any dossier uses it). */
export const documentCodec: EventCodec<DocumentEvent> = {
  encode: (event) => {
    checked(event.type, event.data.documentId, event.data, event.data.storedAt);
    return { id: randomUUID(), type: event.type, data: event.data, metadata: { subject: event.data.documentId, time: event.data.storedAt } };
  },
  decode: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as DocumentEvent,
};

/** The relay publishes digitisation's integration events and keeps the internal ones home. */
export function publishedDigitisationEvent(event: RecordedEvent, source: string): OutgoingMessage | undefined {
  return INTERNAL_DOSSIER_EVENTS.has(event.type) ? undefined : toOutgoingMessage(event, source);
}
