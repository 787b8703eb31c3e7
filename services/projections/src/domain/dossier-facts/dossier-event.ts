import type { IntegrationEvent } from '@motcua/contracts';

/** Events not about one dossier: a stored file, the catalogue. Their subject is not a dossier id. */
const NOT_ABOUT_A_DOSSIER = ['DocumentStored', 'ProcedurePublished', 'ProcedureRetired', 'UnitRegistered'] as const;

export type DossierEvent = Exclude<IntegrationEvent, { type: (typeof NOT_ABOUT_A_DOSSIER)[number] }>;

export function isDossierEvent(event: IntegrationEvent): event is DossierEvent {
  return !(NOT_ABOUT_A_DOSSIER as readonly string[]).includes(event.type);
}
