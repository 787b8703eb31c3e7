import { randomUUID } from 'node:crypto';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { dataSchemaUri, Envelope, EnvelopeSchema } from './envelope';
import { EnvelopeOf, EventData, EventDefinition } from './event-definition';
import { InvalidMessageError } from './invalid-message.error';
import { UnknownEventError } from './unknown-event.error';
import { explainSchemaErrors } from './schema-errors';

export interface NewEnvelope<Data> {
  source: string;
  subject: string;
  data: Data;
  /** Domain time, from the injected clock. */
  time: Date | string;
  id?: string;
  /** Default to the event's own id: an event that nothing caused starts its own correlation. */
  correlationId?: string;
  causationId?: string;
}

interface Registered {
  definition: EventDefinition;
  validate: ValidateFunction;
}

/**
 * Event types and versions a service can read and write. Schemas are compiled once, at
 * registration; decode validates everything a consumer relies on, then upcasts to the latest
 * version, so handlers only ever see the current shape.
 */
export class EventRegistry {
  private readonly ajv = addFormats(new Ajv({ strict: true, allErrors: false, discriminator: true }));
  private readonly validateEnvelope = this.ajv.compile(EnvelopeSchema);
  private readonly versions = new Map<string, Map<number, Registered>>();

  /** Versions of a type may come in any order within one call; each version > 1 needs its predecessor. */
  register(...definitions: EventDefinition[]): this {
    for (const definition of [...definitions].sort((a, b) => a.version - b.version)) this.add(definition);
    return this;
  }

  definitions(): EventDefinition[] {
    return [...this.versions.values()].flatMap((byVersion) => [...byVersion.values()].map((registered) => registered.definition));
  }

  latestVersion(type: string): number {
    const byVersion = this.versions.get(type);
    if (!byVersion) throw new InvalidMessageError(`unknown event type '${type}'`);
    return Math.max(...byVersion.keys());
  }

  /**
   * A checked envelope for the event store or Kafka. Producers write only the latest version:
   * older ones exist on the topics, and are read through their upcasters.
   */
  createEnvelope<Definition extends EventDefinition>(definition: Definition, input: NewEnvelope<EventData<Definition>>): EnvelopeOf<Definition> {
    const { type, version } = definition;
    if (this.versions.get(type)?.get(version)?.definition !== definition) throw new Error(`${type} v${version} is not registered here`);
    const latest = this.latestVersion(type);
    if (version !== latest) throw new Error(`${type} v${version} is superseded by v${latest}: write the latest version`);
    const id = input.id ?? randomUUID();
    const envelope = {
      specversion: '1.0' as const,
      id,
      source: input.source,
      type,
      subject: input.subject,
      time: typeof input.time === 'string' ? input.time : input.time.toISOString(),
      datacontenttype: 'application/json' as const,
      dataschema: dataSchemaUri(type, version),
      schemaversion: version,
      correlationid: input.correlationId ?? id,
      causationid: input.causationId ?? id,
      data: input.data,
    } as EnvelopeOf<Definition>;
    this.assertPublishable(envelope);
    return envelope;
  }

  /** Validates, then serialises: a producer never sends what a consumer would dead-letter. */
  encode(envelope: Envelope): string {
    this.assertPublishable(envelope);
    return JSON.stringify(envelope);
  }

  /** A raw Kafka value to a valid envelope at the latest version of its type, or InvalidMessageError. */
  decode(value: Buffer | string | null | undefined): Envelope {
    if (value === null || value === undefined) throw new InvalidMessageError('value is empty (a tombstone?)');
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
    } catch {
      throw new InvalidMessageError('value is not JSON');
    }
    return this.upcast(this.check(parsed));
  }

  private add(definition: EventDefinition): void {
    const { type, version } = definition;
    if (!/^[A-Z][A-Za-z0-9]{0,99}$/.test(type)) throw new Error(`'${type}' is not a PascalCase event type`);
    if (!Number.isInteger(version) || version < 1) throw new Error(`${type}: version ${version} is not an integer from 1`);
    const byVersion = this.versions.get(type) ?? new Map<number, Registered>();
    if (byVersion.has(version)) throw new Error(`${type} v${version} is registered twice`);
    if (version > 1) {
      const previous = byVersion.get(version - 1);
      if (!previous) throw new Error(`${type} v${version} needs v${version - 1}: upcasting goes one version at a time`);
      if (!definition.upcast) throw new Error(`${type} v${version} needs an upcast from v${version - 1}`);
      if (previous.definition.topic !== definition.topic) throw new Error(`${type} v${version} cannot move from ${previous.definition.topic}`);
    }
    byVersion.set(version, { definition, validate: this.ajv.compile(definition.schema) });
    this.versions.set(type, byVersion);
  }

  /** What a producer may send: a registered, valid envelope keyed by its dossier (the Kafka key keeps a dossier's events in order). */
  assertPublishable(envelope: Envelope): void {
    this.check(envelope);
    const dossierId = (envelope.data as { dossierId?: unknown }).dossierId;
    if (typeof dossierId === 'string' && envelope.subject !== dossierId) throw new InvalidMessageError('subject: must equal data.dossierId');
  }

  private check(candidate: unknown): Envelope {
    if (!this.validateEnvelope(candidate)) throw new InvalidMessageError(explainSchemaErrors('envelope', this.validateEnvelope.errors));
    const envelope = candidate as Envelope;
    const { type, schemaversion: version } = envelope;
    if (!this.versions.has(type)) throw new UnknownEventError('TYPE', envelope);
    const registered = this.versions.get(type)?.get(version);
    if (!registered) throw new UnknownEventError('VERSION', envelope);
    if (envelope.dataschema !== dataSchemaUri(type, version)) throw new InvalidMessageError(`envelope.dataschema: must be ${dataSchemaUri(type, version)}`);
    if (!registered.validate(envelope.data)) throw new InvalidMessageError(explainSchemaErrors('data', registered.validate.errors));
    return envelope;
  }

  /**
   * A stored event's data at the latest version of its type, through the upcasters `decode` uses,
   * so an aggregate folds only current shapes. The old data is validated against its own version
   * first (a stored shape that is not this registry's is named, not silently mis-upcast); a type
   * the registry does not know (a service's internal event) comes back as it is.
   */
  upcastData(type: string, version: number, data: unknown): { version: number; data: unknown } {
    const byVersion = this.versions.get(type);
    if (!byVersion || version === this.latestVersion(type)) return { version, data };
    const registered = byVersion.get(version);
    if (!registered) throw new InvalidMessageError(`unknown version ${version} of '${type}'`);
    if (!registered.validate(data)) throw new InvalidMessageError(explainSchemaErrors(`${type} v${version} data`, registered.validate.errors));
    return this.steps(type, version, data);
  }

  private upcast(envelope: Envelope): Envelope {
    const { version, data } = this.steps(envelope.type, envelope.schemaversion, envelope.data);
    return version === envelope.schemaversion ? envelope : { ...envelope, schemaversion: version, dataschema: dataSchemaUri(envelope.type, version), data };
  }

  /** One step at a time, each result validated: an upcaster bug is caught here, not in a handler. */
  private steps(type: string, from: number, data: unknown): { version: number; data: unknown } {
    const byVersion = this.versions.get(type);
    let current = { version: from, data };
    for (let version = from + 1; byVersion?.has(version); version++) {
      const next = byVersion.get(version) as Registered;
      const upcast = next.definition.upcast?.(current.data);
      if (!next.validate(upcast)) throw new InvalidMessageError(explainSchemaErrors(`upcast to v${version} data`, next.validate.errors));
      current = { version, data: upcast };
    }
    return current;
  }
}
