import { randomUUID } from 'node:crypto';
import { Static, TSchema } from '@sinclair/typebox';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { dataSchemaUri, Envelope, EnvelopeSchema } from './envelope';
import { InvalidMessageError } from './invalid-message.error';
import { TopicName } from './topics';

/** One version of one integration event: the `type` string and version are the contract. */
export interface EventDefinition<Schema extends TSchema = TSchema> {
  type: string;
  version: number;
  topic: TopicName;
  schema: Schema;
  /** Turns data of the previous version into this version's shape (old messages are upcast on read, never rewritten). */
  upcast?(previous: unknown): Static<Schema>;
}

export type EventData<Definition extends EventDefinition> = Static<Definition['schema']>;

export function defineEvent<Schema extends TSchema>(definition: EventDefinition<Schema>): EventDefinition<Schema> {
  return definition;
}

export interface NewEnvelope<Data> {
  source: string;
  subject: string;
  data: Data;
  time: Date | string;
  id?: string;
  correlationId?: string;
  causationId?: string;
}

interface Registered {
  definition: EventDefinition;
  validate: ValidateFunction;
}

/** Explicit type strings and versions; validation with compiled JSON schemas; upcasting on read. */
export class EventRegistry {
  private readonly ajv = addFormats(new Ajv({ strict: true, allErrors: false }));
  private readonly validateEnvelope = this.ajv.compile(EnvelopeSchema);
  private readonly versions = new Map<string, Map<number, Registered>>();

  register(...definitions: EventDefinition[]): this {
    for (const definition of definitions) {
      const byVersion = this.versions.get(definition.type) ?? new Map<number, Registered>();
      if (byVersion.has(definition.version)) throw new Error(`${definition.type} v${definition.version} is registered twice`);
      if (definition.version > 1 && !definition.upcast) throw new Error(`${definition.type} v${definition.version} needs an upcast from v${definition.version - 1}`);
      byVersion.set(definition.version, { definition, validate: this.ajv.compile(definition.schema) });
      this.versions.set(definition.type, byVersion);
    }
    return this;
  }

  definitions(): EventDefinition[] {
    return [...this.versions.values()].flatMap((byVersion) => [...byVersion.values()].map((r) => r.definition));
  }

  latestVersion(type: string): number {
    const byVersion = this.versions.get(type);
    if (!byVersion) throw new InvalidMessageError(`unknown event type '${type}'`);
    return Math.max(...byVersion.keys());
  }

  /** A well-formed envelope at the latest version of its type, ready for the event store or Kafka. */
  createEnvelope<D extends EventDefinition>(definition: D, input: NewEnvelope<EventData<D>>): Envelope<EventData<D>> {
    const id = input.id ?? randomUUID();
    const envelope: Envelope<EventData<D>> = {
      specversion: '1.0',
      id,
      source: input.source,
      type: definition.type,
      subject: input.subject,
      time: typeof input.time === 'string' ? input.time : input.time.toISOString(),
      datacontenttype: 'application/json',
      dataschema: dataSchemaUri(definition.type, definition.version),
      schemaversion: definition.version,
      correlationid: input.correlationId ?? id,
      causationid: input.causationId ?? id,
      data: input.data,
    };
    this.check(envelope);
    return envelope;
  }

  /** Validates and serialises; a producer never sends what a consumer would reject. */
  encode(envelope: Envelope): string {
    this.check(envelope);
    return JSON.stringify(envelope);
  }

  /** Parses, validates and upcasts a raw Kafka value to the latest version of its type. */
  decode(value: Buffer | string): Envelope {
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
    } catch {
      throw new InvalidMessageError('value is not JSON');
    }
    const envelope = this.check(parsed);
    return this.upcast(envelope);
  }

  private check(candidate: unknown): Envelope {
    if (!this.validateEnvelope(candidate)) throw new InvalidMessageError(`envelope${describe(this.validateEnvelope.errors)}`);
    const envelope = candidate as Envelope;
    const registered = this.versions.get(envelope.type)?.get(envelope.schemaversion);
    if (!registered) throw new InvalidMessageError(`unknown event type '${envelope.type}' version ${envelope.schemaversion}`);
    if (!registered.validate(envelope.data)) throw new InvalidMessageError(`${envelope.type} v${envelope.schemaversion} data${describe(registered.validate.errors)}`);
    return envelope;
  }

  private upcast(envelope: Envelope): Envelope {
    const latest = this.latestVersion(envelope.type);
    let current = envelope;
    for (let version = envelope.schemaversion + 1; version <= latest; version++) {
      const next = this.versions.get(envelope.type)?.get(version);
      if (!next?.definition.upcast) throw new InvalidMessageError(`no upcast to ${envelope.type} v${version}`);
      current = { ...current, schemaversion: version, dataschema: dataSchemaUri(envelope.type, version), data: next.definition.upcast(current.data) };
      if (!next.validate(current.data)) throw new InvalidMessageError(`${envelope.type} upcast to v${version} data${describe(next.validate.errors)}`);
    }
    return current;
  }
}

/** Names the path and the rule, never the value (it may be personal data). */
function describe(errors: ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (!first) return ' is invalid';
  const extra = first.keyword === 'additionalProperties' ? ` '${String(first.params['additionalProperty'])}'` : '';
  return `${first.instancePath.replaceAll('/', '.')}: ${first.message ?? first.keyword}${extra}`;
}
