import { integrationEvents, ProcedurePublished, ProcedureRetired, Topics, UnitRegistered } from '@motcua/contracts';
import type { EventData, EventDefinition } from '@motcua/contracts';
import type { RecordedEvent } from '@motcua/event-store';
import { toOutgoingMessage } from '@motcua/messaging';
import type { OutgoingMessage } from '@motcua/messaging';
import { assertNever } from '@motcua/platform/errors';
import { CatalogueEvent, catalogueSubject, isCatalogueEvent } from '../../domain/catalogue/catalogue.events';
import { toSnapshot } from '../../domain/catalogue/procedure';

type Published =
  | { definition: typeof ProcedurePublished; data: EventData<typeof ProcedurePublished> }
  | { definition: typeof ProcedureRetired; data: EventData<typeof ProcedureRetired> }
  | { definition: typeof UnitRegistered; data: EventData<typeof UnitRegistered> };

/**
 * The contract shape of a stored catalogue event. A procedure that lists no agencies is handled
 * by the unit that receives each dossier; the catalogue cannot name that unit, so it publishes
 * the receiving units as the handling agencies (the snapshot needs at least one).
 */
export function publishedCatalogueEvent(event: CatalogueEvent): Published {
  switch (event.type) {
    case 'ProcedureVersionDefined': {
      const v = event.data;
      const procedure = { ...toSnapshot(v), agencies: v.agencies.length > 0 ? v.agencies : v.units };
      return { definition: ProcedurePublished, data: { procedure, effectiveFrom: v.effectiveFrom, units: v.units, sample: v.sample } };
    }
    case 'ProcedureRetired':
      return { definition: ProcedureRetired, data: { ...event.data } };
    case 'AdministrativeUnitRegistered':
    case 'AdministrativeUnitChanged': {
      const { code, name, level, parent, successorOf, validFrom, validTo } = event.data;
      return {
        definition: UnitRegistered,
        data: { code, name, level, successorOf, validFrom, ...(parent ? { parent } : {}), ...(validTo ? { validTo } : {}) },
      };
    }
    default:
      return assertNever(event);
  }
}

/**
 * Checked when the event is recorded, so the relay never meets a stored event it cannot publish
 * (it does not validate: one refusal would stall the whole log behind it).
 */
export function assertPublishable(event: CatalogueEvent, time: Date): void {
  const { definition, data }: { definition: EventDefinition; data: unknown } = publishedCatalogueEvent(event);
  integrationEvents.createEnvelope(definition, { source: 'motcua/intake', subject: catalogueSubject(event), data, time });
}

/** The relay's translation: catalogue events go to the compacted catalogue topic, keyed by code, their ids kept. */
export function catalogueMessage(recorded: RecordedEvent, source: string): OutgoingMessage | undefined {
  const event = { type: recorded.type, data: recorded.data } as CatalogueEvent;
  if (!isCatalogueEvent(event)) return undefined;
  const { definition, data } = publishedCatalogueEvent(event);
  const subject = catalogueSubject(event);
  const message = toOutgoingMessage({ ...recorded, type: definition.type, schemaVersion: definition.version, data, metadata: { ...recorded.metadata, subject } }, source);
  return { ...message, topic: Topics.catalogue };
}

