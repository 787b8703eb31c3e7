import type { CalendarTerms } from '@motcua/calendar';
/** An absolute instant as ISO-8601 UTC (`toISOString`), so instants compare as strings. */
export type Instant = string;

export type DossierStatus =
  | 'UNKNOWN'
  | 'SUBMITTED'
  | 'RETURNED_FOR_SUPPLEMENT'
  | 'REJECTED'
  | 'RECEIVED'
  | 'IN_PROCESSING'
  | 'PAUSED'
  | 'WITHDRAWN'
  | 'STOPPED'
  | 'RESOLVED'
  | 'RESULT_ISSUED'
  | 'COMPLETED';

export interface DueChange {
  changedAt: Instant;
  dueAt: Instant;
  /** From this instant one working day of office time or less is left before `dueAt`. */
  dueSoonFrom: Instant;
}

export interface SupplementRequest {
  requestId: string;
  sequence: number;
  requestedAt: Instant;
  /** When the applicant's documents reached the desk; null while pending. */
  answeredAt: Instant | null;
}

export interface SupplementProvision {
  /** Absent for documents brought after a return at reception (Mẫu 02), which is no supplement request. */
  requestId: string | null;
  providedAt: Instant;
}

export interface ClockPause {
  reason: 'SUPPLEMENT' | 'AWAITING_PAYMENT';
  pausedAt: Instant;
  resumedAt: Instant | null;
  workingMinutes: number | null;
}

export interface ComponentFact {
  componentId: string;
  provenance: 'ELECTRONIC' | 'PAPER' | 'REUSED' | null;
  digitisedAt: Instant | null;
  reusedAt: Instant | null;
  reuseRefusedAt: Instant | null;
}

/**
 * Everything the statistics know of one dossier: one `dossier_facts` row. Each field is written by
 * one topic only, or merged by a rule that does not depend on arrival order (earliest instant, set
 * union, sorted lists), because topics are not ordered against each other: the same events in any
 * interleaving across topics, or with one delivered twice, give the same facts.
 */
export interface DossierFacts {
  dossierId: string;
  /**
   * The holiday table and the receiving unit's office hours the dossier's due dates were computed
   * with (intake's reception); null for dossiers received before they were recorded, which were
   * computed with the defaults. Every working time of the dossier is counted by them.
   */
  calendarTerms: CalendarTerms | null;
  code: string | null;
  unit: string | null;
  department: string | null;
  currentAgency: string | null;
  /** The step of `currentAgency` in an inter-agency procedure (0 before the first assignment). */
  currentStep: number;
  procedureCode: string | null;
  procedureVersion: number | null;
  procedureName: string | null;
  field: string | null;
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | null;
  serviceLevel: 'FULL' | 'PARTIAL' | 'NONE' | null;
  agencies: string[];
  processingTimeValue: number | null;
  processingTimeUnit: 'WORKING_DAYS' | 'WORKING_HOURS' | null;
  returnsDocument: boolean | null;
  eResultAllowed: boolean | null;
  payFirst: boolean | null;
  feeBearing: boolean | null;
  channel: 'ONLINE' | 'COUNTER' | 'POSTAL' | null;
  /** The portal that submitted an online dossier; it alone may look the dossier up among portals. */
  portal: string | null;
  submittedAt: Instant | null;
  returnedAt: Instant | null;
  receivedAt: Instant | null;
  rejectedAt: Instant | null;
  withdrawnAt: Instant | null;
  caseAssignedAt: Instant | null;
  stoppedAt: Instant | null;
  resolvedAt: Instant | null;
  resultIssuedAt: Instant | null;
  deliveredAt: Instant | null;
  completedAt: Instant | null;
  dueSoonAt: Instant | null;
  overdueAt: Instant | null;
  apologyIssuedAt: Instant | null;
  newAppointmentAt: Instant | null;
  dueHistory: DueChange[];
  supplementRequests: SupplementRequest[];
  supplementsProvided: SupplementProvision[];
  pauses: ClockPause[];
  /** Office time the clock stood still, as processing recorded it at resolution. */
  pausedWorkingMinutesAtResolution: number | null;
  outcome: 'APPROVED' | 'DENIED' | null;
  /** The verdict processing recorded at resolution; null before. */
  onTime: boolean | null;
  feeAssessed: number | null;
  feeExempt: boolean | null;
  paidAt: Instant | null;
  paidOnline: boolean;
  paidInCash: boolean;
  refundedAt: Instant | null;
  components: ComponentFact[];
  digitisedAt: Instant | null;
  resultForm: 'ELECTRONIC' | 'PAPER' | null;
  resultDigitisedAt: Instant | null;
  lastEventAt: Instant | null;
}

export function emptyFacts(dossierId: string): DossierFacts {
  return {
    dossierId,
    calendarTerms: null,
    ...{ code: null, unit: null, department: null, currentAgency: null, currentStep: 0 },
    ...{ procedureCode: null, procedureVersion: null, procedureName: null, field: null, level: null, serviceLevel: null, agencies: [] },
    ...{ processingTimeValue: null, processingTimeUnit: null, returnsDocument: null, eResultAllowed: null, payFirst: null, feeBearing: null, channel: null, portal: null },
    ...{ submittedAt: null, returnedAt: null, receivedAt: null, rejectedAt: null, withdrawnAt: null, caseAssignedAt: null, stoppedAt: null },
    ...{ resolvedAt: null, resultIssuedAt: null, deliveredAt: null, completedAt: null },
    ...{ dueSoonAt: null, overdueAt: null, apologyIssuedAt: null, newAppointmentAt: null },
    ...{ dueHistory: [], supplementRequests: [], supplementsProvided: [], pauses: [], pausedWorkingMinutesAtResolution: null },
    ...{ outcome: null, onTime: null },
    ...{ feeAssessed: null, feeExempt: null, paidAt: null, paidOnline: false, paidInCash: false, refundedAt: null },
    ...{ components: [], digitisedAt: null, resultForm: null, resultDigitisedAt: null, lastEventAt: null },
  };
}
