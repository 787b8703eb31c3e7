import { Static, TSchema } from '@sinclair/typebox';
import { Envelope } from './envelope';
import { TopicName } from './topics';

/**
 * One version of one integration event. The `type` string and the version are the contract,
 * written out here and never derived from a class name, so renaming code cannot rename an event.
 */
export interface EventDefinition<Schema extends TSchema = TSchema, Name extends string = string, Previous = unknown> {
  readonly type: Name;
  readonly version: number;
  /** The topic of the owning service: the only place this event is published. */
  readonly topic: TopicName;
  readonly schema: Schema;
  /**
   * Turns data of version - 1 (already validated against that version's schema) into this
   * version's shape. Old messages are upcast when read and never rewritten: the topics are
   * the shared history. Required from version 2 on.
   */
  upcast?(previous: Previous): Static<Schema>;
}

/** Keeps the literal type name and the schema's static type; the definition itself is plain data. */
export function defineEvent<Schema extends TSchema, const Name extends string, Previous = unknown>(
  definition: EventDefinition<Schema, Name, Previous>,
): EventDefinition<Schema, Name, Previous> {
  return definition;
}

/** The TypeScript type of an event's data, derived from its schema (one source of truth). */
export type EventData<Definition extends EventDefinition> = Static<Definition['schema']>;

/** An envelope whose `type` and `data` are those of the definition; distributes over unions. */
export type EnvelopeOf<Definition extends EventDefinition> = Definition extends EventDefinition
  ? Omit<Envelope, 'type' | 'data'> & { type: Definition['type']; data: EventData<Definition> }
  : never;

/**
 * Narrows a decoded envelope to one event. Sound for envelopes returned by a registry's `decode`
 * (validated and upcast to the latest version) when given the latest definition of the type.
 */
export function isEvent<Definition extends EventDefinition>(envelope: Envelope, definition: Definition): envelope is Envelope & EnvelopeOf<Definition> {
  return envelope.type === definition.type && envelope.schemaversion === definition.version;
}
