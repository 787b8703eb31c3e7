import type { DossierTransfer } from '@motcua/contracts';
import type { ComponentDigitised, DocumentReused, DossierDigitised, DossierReceived, EventData, ResultDigitised, ReuseRefused } from '@motcua/contracts';
import { assertNever } from '@motcua/platform/errors';

/** A component as intake received it: electronic (a document id), paper, or reused from the repository. */
export type ReceivedComponent = EventData<typeof DossierReceived>['components'][number];

/**
 * A component as digitisation registered it: an electronic one also says whether its document is
 * held here for this applicant (its SHA-256) or not (null: the id names no upload this service
 * stored, or one filed under another applicant).
 */
export type RegisteredComponent = Exclude<ReceivedComponent, { provenance: 'ELECTRONIC' }> | (Extract<ReceivedComponent, { provenance: 'ELECTRONIC' }> & { sha256: string | null });

export interface DigitisationOpenedData {
  dossierId: string;
  code: string;
  unit: string;
  /** The procedure's agencies: their officers read the dossier's documents too. */
  agencies: string[];
  applicantRef: string;
  channel: 'ONLINE' | 'COUNTER' | 'POSTAL';
  openedAt: string;
  components: RegisteredComponent[];
  /** The portal that submitted the dossier online: it may read the dossier's documents. */
  portal?: string;
}

export type DigitisationTransferredData = DossierTransfer;

/**
 * One dossier's digitisation, in the dossier's stream. Most events are digitisation's integration
 * events as published; the internal ones record what the others follow from (the components as
 * received and supplemented, the result as issued, a transfer to a successor unit) and are not
 * republished.
 */
export type DossierDigitisationEvent =
  | { type: 'DigitisationOpened'; data: DigitisationOpenedData }
  | { type: 'ComponentsSupplemented'; data: { dossierId: string; supplementedAt: string; components: RegisteredComponent[] } }
  | { type: 'DocumentReused'; data: EventData<typeof DocumentReused> }
  | { type: 'ReuseRefused'; data: EventData<typeof ReuseRefused> }
  | { type: 'ComponentDigitised'; data: EventData<typeof ComponentDigitised> }
  | { type: 'DossierDigitised'; data: EventData<typeof DossierDigitised> }
  /** The dossier was withdrawn after reception: its scanning tasks are closed. */
  | { type: 'DigitisationClosed'; data: { dossierId: string; closedAt: string } }
  /** The dossier moved to the successor unit: its desk scans now; the former unit's until the window ends. */
  | { type: 'DigitisationTransferred'; data: DigitisationTransferredData }
  | { type: 'PaperResultAwaited'; data: { dossierId: string; documentNumber: string; issuedAt: string } }
  | { type: 'ElectronicResultFiled'; data: { dossierId: string; documentId: string; filedAt: string } }
  | { type: 'ResultDigitised'; data: EventData<typeof ResultDigitised> };

export type DossierDigitisationEventOf<T extends DossierDigitisationEvent['type']> = Extract<DossierDigitisationEvent, { type: T }>;

export const INTERNAL_DOSSIER_EVENTS: ReadonlySet<string> = new Set<DossierDigitisationEvent['type']>([
  'DigitisationOpened',
  'ComponentsSupplemented',
  'DigitisationClosed',
  'DigitisationTransferred',
  'PaperResultAwaited',
  'ElectronicResultFiled',
]);

/** The instant an event happened, in domain time: stored as the event's time, so replays never ask the clock. */
export function occurredAt(event: DossierDigitisationEvent): string {
  switch (event.type) {
    case 'DigitisationOpened':
      return event.data.openedAt;
    case 'ComponentsSupplemented':
      return event.data.supplementedAt;
    case 'DocumentReused':
      return event.data.reusedAt;
    case 'ReuseRefused':
      return event.data.refusedAt;
    case 'ComponentDigitised':
    case 'DossierDigitised':
    case 'ResultDigitised':
      return event.data.digitisedAt;
    case 'DigitisationClosed':
      return event.data.closedAt;
    case 'DigitisationTransferred':
      return event.data.transferredAt;
    case 'PaperResultAwaited':
      return event.data.issuedAt;
    case 'ElectronicResultFiled':
      return event.data.filedAt;
    default:
      return assertNever(event);
  }
}

