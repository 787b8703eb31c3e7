import { Static, Type } from '@sinclair/typebox';

/**
 * The Kafka message value of every integration event, with CloudEvents attribute names
 * (`subject` is the dossier id, or the aggregate's own id for events not about a dossier).
 */
export const EnvelopeSchema = Type.Object(
  {
    specversion: Type.Literal('1.0'),
    id: Type.String({ format: 'uuid' }),
    source: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.String({ minLength: 1, maxLength: 200 }),
    subject: Type.String({ minLength: 1, maxLength: 200 }),
    time: Type.String({ format: 'date-time' }),
    datacontenttype: Type.Literal('application/json'),
    dataschema: Type.String({ minLength: 1 }),
    schemaversion: Type.Integer({ minimum: 1 }),
    correlationid: Type.String({ minLength: 1, maxLength: 200 }),
    causationid: Type.String({ minLength: 1, maxLength: 200 }),
    data: Type.Unknown(),
  },
  { additionalProperties: false },
);

export type Envelope<Data = unknown> = Omit<Static<typeof EnvelopeSchema>, 'data'> & { data: Data };

/** Kafka headers repeat the ids (CloudEvents Kafka binding, `ce_` prefix) so tools can route without parsing. */
export const Headers = {
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  subject: 'ce_subject',
  time: 'ce_time',
  schemaVersion: 'ce_schemaversion',
  correlationId: 'ce_correlationid',
  causationId: 'ce_causationid',
} as const;

export function headersOf(envelope: Envelope): Record<string, string> {
  return {
    [Headers.id]: envelope.id,
    [Headers.type]: envelope.type,
    [Headers.source]: envelope.source,
    [Headers.subject]: envelope.subject,
    [Headers.time]: envelope.time,
    [Headers.schemaVersion]: String(envelope.schemaversion),
    [Headers.correlationId]: envelope.correlationid,
    [Headers.causationId]: envelope.causationid,
  };
}

/** `urn:motcua:<type>:<version>`: names the JSON schema a message's data follows. */
export function dataSchemaUri(type: string, version: number): string {
  return `urn:motcua:${type}:${version}`;
}
