import { catalogueEvents } from './events/catalogue.events';
import { digitisationEvents } from './events/digitisation.events';
import { intakeEvents } from './events/intake.events';
import { issuanceEvents } from './events/issuance.events';
import { paymentEvents } from './events/payment.events';
import { processingEvents } from './events/processing.events';
import { EventRegistry } from './registry';

/** Every integration event of the system, at every version still readable from the topics. */
export function createIntegrationEventRegistry(): EventRegistry {
  return new EventRegistry().register(
    ...intakeEvents,
    ...processingEvents,
    ...paymentEvents,
    ...digitisationEvents,
    ...issuanceEvents,
    ...catalogueEvents,
  );
}

export const integrationEvents = createIntegrationEventRegistry();
