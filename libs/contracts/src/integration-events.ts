import { Envelope } from './envelope';
import { EnvelopeOf, EventDefinition } from './event-definition';
import { catalogueEvents } from './events/catalogue.events';
import { digitisationEvents } from './events/digitisation.events';
import { intakeEvents } from './events/intake.events';
import { issuanceEvents } from './events/issuance.events';
import { paymentEvents } from './events/payment.events';
import { processingEvents } from './events/processing.events';
import { InvalidMessageError } from './invalid-message.error';
import { EventRegistry } from './registry';

/** The latest version of every integration event: what producers write and handlers receive. */
export const currentIntegrationEvents = [...intakeEvents, ...processingEvents, ...paymentEvents, ...digitisationEvents, ...issuanceEvents, ...catalogueEvents];

/**
 * Older versions still on the topics (kept forever): registered so they can be read and upcast.
 * When an event gets a v2, its v1 definition moves here and the v2 (with its upcast) replaces it
 * in its service's list. Stored v1 events are then upcast when their stream is read, too (the
 * messaging lib's event store); a service that stores another shape than it publishes (issuance
 * keeps ResultIssued's manifest) registers its stored shape's versions in its own registry.
 */
export const supersededIntegrationEvents: EventDefinition[] = [];

/** Any current integration event; `switch (event.type)` narrows `data`. */
export type IntegrationEvent = EnvelopeOf<(typeof currentIntegrationEvents)[number]>;
export type IntegrationEventType = IntegrationEvent['type'];

export function createIntegrationEventRegistry(): EventRegistry {
  return new EventRegistry().register(...supersededIntegrationEvents, ...currentIntegrationEvents);
}

/** The registry every service decodes and encodes with. */
export const integrationEvents = createIntegrationEventRegistry();

/** Decodes with the default registry and types the result as the union of current events. */
export function decodeIntegrationEvent(value: Buffer | string | null | undefined): IntegrationEvent {
  return asIntegrationEvent(integrationEvents.decode(value));
}

/**
 * Types an envelope that the default registry has already decoded (e.g. the one the messaging
 * consumer hands a handler). Checks the type is current, so a foreign envelope is not mistyped.
 */
export function asIntegrationEvent(envelope: Envelope): IntegrationEvent {
  if (integrationEvents.latestVersion(envelope.type) !== envelope.schemaversion) {
    throw new InvalidMessageError(`'${envelope.type}' v${envelope.schemaversion} is not the current version; decode it first`);
  }
  return envelope as IntegrationEvent;
}
