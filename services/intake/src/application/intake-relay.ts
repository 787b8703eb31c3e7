import type { RecordedEvent } from '@motcua/event-store';
import { toOutgoingMessage } from '@motcua/messaging';
import type { OutgoingMessage } from '@motcua/messaging';
import { isCatalogueEvent, REORGANISATION_RECORDED } from '../domain/catalogue/catalogue.events';
import { INTERNAL_DOSSIER_EVENTS } from '../domain/dossier/dossier.events';
import { catalogueMessage } from './catalogue/catalogue.publication';

/**
 * Which of intake's stored events leave the service: the dossier's integration events go to
 * intake's topic as stored; catalogue changes go to the catalogue topic in their contract shapes;
 * internal facts (what intake learnt from processing and issuance, the reorganisation's own record,
 * whose effects go out as unit changes and dossier transfers) stay home.
 */
export function publishedIntakeEvent(event: RecordedEvent, source: string): OutgoingMessage | undefined {
  if (INTERNAL_DOSSIER_EVENTS.has(event.type) || event.type === REORGANISATION_RECORDED) return undefined;
  if (isCatalogueEvent(event)) return catalogueMessage(event, source);
  return toOutgoingMessage(event, source);
}
