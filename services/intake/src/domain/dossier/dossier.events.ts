import type {
  DossierReceived,
  DossierRejected,
  DossierReturnedForSupplement,
  DossierSubmitted,
  DossierTransferred,
  DossierWithdrawn,
  EventData,
  SupplementProvided,
} from '@motcua/contracts';

/**
 * Intake's dossier events. They carry no personal data (the applicant is `applicantRef`; names
 * and ID numbers live in intake's erasable applicant table), so they are stored and published in
 * the integration shape of libs/contracts. `SupplementAwaited` and `ProcessingConcluded` are
 * internal: what the desk learnt from processing's topic, kept so it can take the documents a
 * department asked for and refuse a withdrawal once the dossier is decided; `CompletionNoted`
 * (from issuance's topic) ends the dossier's flight, so a reorganisation no longer moves it.
 */
export type DossierEvent =
  | { type: 'DossierSubmitted'; data: EventData<typeof DossierSubmitted> }
  | { type: 'DossierReturnedForSupplement'; data: EventData<typeof DossierReturnedForSupplement> }
  | { type: 'DossierReceived'; data: EventData<typeof DossierReceived> }
  | { type: 'DossierRejected'; data: EventData<typeof DossierRejected> }
  | { type: 'SupplementProvided'; data: EventData<typeof SupplementProvided> }
  | { type: 'DossierWithdrawn'; data: EventData<typeof DossierWithdrawn> }
  | { type: 'SupplementAwaited'; data: { dossierId: string; requestId: string; requestedAt: string; missing: string[] } }
  | { type: 'DossierTransferred'; data: EventData<typeof DossierTransferred> }
  | { type: 'ProcessingConcluded'; data: { dossierId: string; concludedAt: string; how: 'RESOLVED' | 'STOPPED' } }
  | { type: 'CompletionNoted'; data: { dossierId: string; completedAt: string } };

/** Facts intake learns from processing's topic; recorded on the dossier, never republished. */
export const INTERNAL_DOSSIER_EVENTS: ReadonlySet<string> = new Set<string>(['SupplementAwaited', 'ProcessingConcluded', 'CompletionNoted']);

export type DossierEventOf<T extends DossierEvent['type']> = Extract<DossierEvent, { type: T }>;
