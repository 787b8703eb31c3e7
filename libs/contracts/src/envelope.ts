import { Static, Type } from '@sinclair/typebox';

/**
 * The Kafka message value of every integration event, with CloudEvents attribute names so
 * operators' tools read it without our code. `subject` is the dossier id (also the Kafka key,
 * keeping one dossier's events in order on one partition), or, for an event not about a
 * dossier, its own aggregate's id: procedure code, unit code, document id.
 */
export const EnvelopeSchema = Type.Object(
  {
    specversion: Type.Literal('1.0'),
    /** Unique per event, kept from the event store: consumers deduplicate on it (inbox). */
    id: Type.String({ format: 'uuid' }),
    /** The publishing service, e.g. `motcua/intake`. */
    source: Type.String({ minLength: 1, maxLength: 200 }),
    /** A contract name; the pattern keeps anything else out of error reasons that quote it. */
    type: Type.String({ pattern: '^[A-Z][A-Za-z0-9]{0,99}$' }),
    subject: Type.String({ minLength: 1, maxLength: 200 }),
    /** Domain time from the injected clock, not the publishing time: replays keep it. */
    time: Type.String({ format: 'date-time' }),
    datacontenttype: Type.Literal('application/json'),
    /** `urn:motcua:<type>:<version>`; must agree with `type` and `schemaversion`. */
    dataschema: Type.String({ minLength: 1, maxLength: 300 }),
    schemaversion: Type.Integer({ minimum: 1 }),
    correlationid: Type.String({ minLength: 1, maxLength: 200 }),
    causationid: Type.String({ minLength: 1, maxLength: 200 }),
    data: Type.Unknown(),
  },
  { additionalProperties: false },
);

export type Envelope<Data = unknown> = Omit<Static<typeof EnvelopeSchema>, 'data'> & { data: Data };

/** `urn:motcua:<type>:<version>`: names the JSON schema a message's data follows. */
export function dataSchemaUri(type: string, version: number): string {
  return `urn:motcua:${type}:${version}`;
}

/**
 * Kafka headers repeat the ids (CloudEvents Kafka binding, `ce_` prefix) so operators and the
 * dead-letter path can route and trace a message without parsing its value, even a malformed one.
 */
export const EnvelopeHeaders = {
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  subject: 'ce_subject',
  time: 'ce_time',
  schemaVersion: 'ce_schemaversion',
  correlationId: 'ce_correlationid',
  causationId: 'ce_causationid',
} as const;

export type HeaderName = (typeof EnvelopeHeaders)[keyof typeof EnvelopeHeaders];

export function headersOf(envelope: Envelope): Record<HeaderName, string> {
  return {
    [EnvelopeHeaders.id]: envelope.id,
    [EnvelopeHeaders.type]: envelope.type,
    [EnvelopeHeaders.source]: envelope.source,
    [EnvelopeHeaders.subject]: envelope.subject,
    [EnvelopeHeaders.time]: envelope.time,
    [EnvelopeHeaders.schemaVersion]: String(envelope.schemaversion),
    [EnvelopeHeaders.correlationId]: envelope.correlationid,
    [EnvelopeHeaders.causationId]: envelope.causationid,
  };
}
