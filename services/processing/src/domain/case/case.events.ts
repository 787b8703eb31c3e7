import type { DossierTransfer } from '@motcua/contracts';
import type {
  ApologyIssued,
  CaseAssigned,
  CaseHandedOff,
  DeadlineExtended,
  DossierDueSoon,
  DossierOverdue,
  DossierReceived,
  DossierResolved,
  EventData,
  PaymentOverdue,
  ProcessingPaused,
  ProcessingResumed,
  ProcessingStopped,
  SupplementRequested,
} from '@motcua/contracts';

/**
 * A handling case's events. Most are processing's integration events as published; `CaseOpened`
 * and `CaseWithdrawn` are internal (the reception facts the case works from, and the applicant's
 * withdrawal learnt from intake) and are not republished.
 */
export type CaseEvent =
  | { type: 'CaseOpened'; data: EventData<typeof DossierReceived> }
  | { type: 'CaseAssigned'; data: EventData<typeof CaseAssigned> }
  | { type: 'CaseHandedOff'; data: EventData<typeof CaseHandedOff> }
  | { type: 'SupplementRequested'; data: EventData<typeof SupplementRequested> }
  | { type: 'ProcessingPaused'; data: EventData<typeof ProcessingPaused> }
  | { type: 'ProcessingResumed'; data: EventData<typeof ProcessingResumed> }
  | { type: 'DeadlineExtended'; data: EventData<typeof DeadlineExtended> }
  | { type: 'DossierDueSoon'; data: EventData<typeof DossierDueSoon> }
  | { type: 'DossierOverdue'; data: EventData<typeof DossierOverdue> }
  | { type: 'ApologyIssued'; data: EventData<typeof ApologyIssued> }
  | { type: 'PaymentOverdue'; data: EventData<typeof PaymentOverdue> }
  | { type: 'DossierResolved'; data: EventData<typeof DossierResolved> }
  | { type: 'ProcessingStopped'; data: EventData<typeof ProcessingStopped> }
  | { type: 'CaseWithdrawn'; data: { dossierId: string; withdrawnAt: string } }
  /** Intake's DossierTransferred: a reorganisation merged `fromUnit` into `toUnit`; the case follows. */
  | { type: 'CaseTransferred'; data: DossierTransfer };

export const INTERNAL_CASE_EVENTS: ReadonlySet<CaseEvent['type']> = new Set(['CaseOpened', 'CaseWithdrawn', 'CaseTransferred']);
