import { assertNever } from '@motcua/platform/errors';
import { DossierStatus } from './dossier-facts';
import { DossierEvent } from './dossier-event';

/** Who caused a step, by role; never a person. APPLICANT acts through a portal or at the desk. */
export type ActorRole = 'APPLICANT' | 'PORTAL' | 'RECEPTION_OFFICER' | 'PROCESSING_OFFICER' | 'LEADER' | 'SYSTEM';

export interface TimelineStep {
  statusAfter: DossierStatus;
  actorRole: ActorRole;
}

/**
 * The status a step leads to is a property of the step itself, not of what had arrived before it
 * from other topics, so a timeline rebuilt in another interleaving is the same. Steps that change
 * no status (fees, payments, scans, reminders) are not on the timeline.
 */
export function timelineStepOf(event: DossierEvent): TimelineStep | undefined {
  const step = (statusAfter: DossierStatus, actorRole: ActorRole): TimelineStep => ({ statusAfter, actorRole });
  switch (event.type) {
    case 'DossierSubmitted':
      return step('SUBMITTED', event.data.channel === 'ONLINE' ? 'PORTAL' : 'RECEPTION_OFFICER');
    case 'DossierReturnedForSupplement':
      return step('RETURNED_FOR_SUPPLEMENT', 'RECEPTION_OFFICER');
    case 'DossierReceived':
      return step('RECEIVED', 'RECEPTION_OFFICER');
    case 'DossierRejected':
      return step('REJECTED', 'RECEPTION_OFFICER');
    case 'SupplementProvided':
      return step(event.data.requestId ? 'IN_PROCESSING' : 'SUBMITTED', 'APPLICANT');
    case 'DossierWithdrawn':
      return step('WITHDRAWN', 'APPLICANT');
    case 'CaseAssigned':
      return step('IN_PROCESSING', event.data.officerId ? 'LEADER' : 'SYSTEM');
    case 'CaseHandedOff':
      return step('IN_PROCESSING', 'PROCESSING_OFFICER');
    case 'SupplementRequested':
      return step('PAUSED', 'PROCESSING_OFFICER');
    case 'ProcessingPaused':
      return step('PAUSED', 'SYSTEM');
    case 'ProcessingResumed':
      return step('IN_PROCESSING', 'SYSTEM');
    case 'DeadlineExtended':
      return step('IN_PROCESSING', 'LEADER');
    case 'ApologyIssued':
      return step('IN_PROCESSING', 'PROCESSING_OFFICER');
    case 'DossierResolved':
      return step('RESOLVED', 'LEADER');
    case 'ProcessingStopped':
      return step('STOPPED', 'LEADER');
    case 'ResultIssued':
      return step('RESULT_ISSUED', event.data.result.form === 'ELECTRONIC' ? 'SYSTEM' : 'RECEPTION_OFFICER');
    case 'ResultDelivered':
      return step('COMPLETED', event.data.method === 'ONLINE' ? 'SYSTEM' : 'RECEPTION_OFFICER');
    case 'DossierCompleted':
      return step('COMPLETED', 'SYSTEM');
    case 'DossierTransferred':
    case 'DossierDueSoon':
    case 'DossierOverdue':
    case 'FeeAssessed':
    case 'PaymentRequested':
    case 'PaymentSucceeded':
    case 'PaymentFailed':
    case 'PaymentExpired':
    case 'PaymentOverdue':
    case 'PaymentRefunded':
    case 'ComponentDigitised':
    case 'DossierDigitised':
    case 'DocumentReused':
    case 'ReuseRefused':
    case 'ResultDigitised':
      return undefined;
    default:
      return assertNever(event);
  }
}
