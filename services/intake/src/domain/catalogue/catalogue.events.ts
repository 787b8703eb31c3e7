import type { AdministrativeUnit } from './administrative-unit';
import type { ProcedureVersion } from './procedure';

/**
 * Intake's stored catalogue events, one stream per procedure and per unit. They keep the whole
 * definition (required documents, receiving units, the sample flag), which the desk needs and
 * the contracts do not carry; the relay publishes them on the catalogue topic in the contract
 * shapes (ProcedurePublished, ProcedureRetired, UnitRegistered).
 */
export type CatalogueEvent =
  | { type: 'ProcedureVersionDefined'; data: ProcedureVersion }
  | { type: 'ProcedureRetired'; data: { code: string; version: number; retiredAt: string } }
  | { type: 'AdministrativeUnitRegistered'; data: AdministrativeUnit }
  /** A reorganisation closed the unit (merged into another) or gave it predecessors: the whole record after the change. */
  | { type: 'AdministrativeUnitChanged'; data: AdministrativeUnit };

export type CatalogueEventOf<T extends CatalogueEvent['type']> = Extract<CatalogueEvent, { type: T }>;

export const CATALOGUE_EVENT_TYPES: ReadonlySet<string> = new Set<CatalogueEvent['type']>(['ProcedureVersionDefined', 'ProcedureRetired', 'AdministrativeUnitRegistered', 'AdministrativeUnitChanged']);

export function isCatalogueEvent(event: { type: string }): event is CatalogueEvent {
  return CATALOGUE_EVENT_TYPES.has(event.type);
}

/** Stream ids: prefixed, so they never meet a dossier's (a uuid) or each other. */
export const procedureStream = (code: string) => `procedure-${code}`;
export const unitStream = (code: string) => `unit-${code}`;
export const reorganisationStream = (id: string) => `reorganisation-${id}`;
/** The reorganisation's record on its own stream; intake's alone (its effects are unit changes and dossier transfers). */
export const REORGANISATION_RECORDED = 'UnitsReorganised';

/** The code the event is about: its subject and its Kafka key. */
export function catalogueSubject(event: CatalogueEvent): string {
  return event.data.code;
}
