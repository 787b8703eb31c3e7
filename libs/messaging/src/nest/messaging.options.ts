import type { Type } from '@nestjs/common';
import type { Migration } from '@motcua/event-store';
import type { Envelope, EventRegistry, IntegrationEvent } from '@motcua/contracts';
import type { MessageContext } from '../inbox/message-handler';
import type { RelayOptions } from '../relay/event-relay';

/** A service's reaction to another service's integration events, run inside the inbox transaction. */
export interface IntegrationEventHandler {
  /**
   * The event types it applies. The consumer ignores the others without a transaction, and parks
   * a newer version of one of these until the service is upgraded to read it.
   */
  readonly handles: readonly IntegrationEvent['type'][];
  handle(envelope: Envelope, context: MessageContext): Promise<void>;
}

export interface ConsumedTopic {
  topic: string;
  handler: Type<IntegrationEventHandler>;
}

export interface MessagingOptions {
  /** The service's name: its PostgreSQL schema, its consumer groups' prefix, its CloudEvents source. */
  service: string;
  /** The service's own topic, fed by the relay from its event log. */
  publishes?: string;
  /** Further topics the translation routes some events to (intake's catalogue); created at start like its own. */
  alsoPublishes?: string[];
  consumes?: ConsumedTopic[];
  /** The service's own tables, applied after the event store's and the inbox's. */
  migrations?: Migration[];
  /** Which stored events leave the service and in which shape (default: all, as stored). */
  translate?: RelayOptions['translate'];
  /**
   * The events this service stores in their integration shape: checked when stored, and upcast to
   * their latest version when a stream is read (default: every integration event).
   */
  storedEvents?: EventRegistry;
  /** Partitions for topics this service creates (its own and its dead-letter topics). */
  partitions?: number;
  /**
   * How long a consumer may be away while the broker answers (counted from its departure, or from
   * the broker's return) before the service is not ready (default 30 s): a restart, or rejoining
   * after a broker outage, is not a fault.
   */
  consumerGraceMs?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const KAFKA = Symbol('KAFKA');

/** Consumer group of a service on a topic, e.g. `processing.motcua.intake.events.v1` (namespaced when configured). */
export function consumerGroup(service: string, topic: string, namespace?: string): string {
  return namespace ? `${namespace}.${service}.${topic}` : `${service}.${topic}`;
}
