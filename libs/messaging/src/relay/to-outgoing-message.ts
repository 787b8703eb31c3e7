import { dataSchemaUri, Envelope, headersOf } from '@motcua/contracts';
import type { RecordedEvent } from '@motcua/event-store';
import { OutgoingMessage } from '../kafka/publisher';

/**
 * The default translation: a stored event is published as the integration event of the same type
 * and schema version, its id kept (consumers deduplicate on it), keyed by its subject (the
 * dossier id) so one dossier's events stay in order on one partition. It does not validate:
 * services validate when they record (registry.createEnvelope), and a relay that refused a stored
 * event would stall the whole log behind it.
 */
export function toOutgoingMessage(event: RecordedEvent, source: string): OutgoingMessage {
  const subject = event.metadata.subject ?? event.streamId;
  const envelope: Envelope = {
    specversion: '1.0',
    id: event.id,
    source,
    type: event.type,
    subject,
    time: event.metadata.time ?? event.recordedAt.toISOString(),
    datacontenttype: 'application/json',
    dataschema: dataSchemaUri(event.type, event.schemaVersion),
    schemaversion: event.schemaVersion,
    correlationid: event.metadata.correlationId ?? event.id,
    causationid: event.metadata.causationId ?? event.id,
    data: event.data,
  };
  return { key: subject, value: JSON.stringify(envelope), headers: headersOf(envelope) };
}
