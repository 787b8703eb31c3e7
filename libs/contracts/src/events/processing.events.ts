import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { ApplicantRef, Channel, DeliveryMethod, DossierCode, Id, Instant, Outcome, PortalName, ProcedureCode, ProcedureVersion, Reason, ResultDocument, UnitCode, Uuid } from './common.schemas';
import { Literals, strict } from './schema-helpers';

/** Processing's events about a handling case; subject and key: the dossier id. */
const topic = Topics.processing;
/** Working time, counted by the unit's office hours and holidays (libs/calendar). */
const WorkingMinutes = Type.Integer({ minimum: 0 });
/** A pause for payment-first is not a supplement: it never makes a dossier late (766). */
const PauseReason = Literals('SUPPLEMENT', 'AWAITING_PAYMENT');
/** NON_PAYMENT: the fee of a pay-first procedure went unpaid after its request expired (PaymentOverdue). Absent in events recorded before grounds were. */
const StopGround = Literals('NON_PAYMENT', 'OTHER');

export const CaseAssigned = defineEvent({
  type: 'CaseAssigned',
  version: 1,
  topic,
  schema: Type.Object(
    { dossierId: Uuid, assignedAt: Instant, agency: UnitCode, step: Type.Integer({ minimum: 1 }), department: Type.Optional(Id), officerId: Type.Optional(Id) },
    strict,
  ),
});

/**
 * An inter-agency step ends: statistics attribute the time spent to the agency that spent it.
 * The last agency's share is DossierResolved's `decidingStep`; all the shares of a case add up to
 * its working time (reception to decision, pauses excluded).
 */
export const CaseHandedOff = defineEvent({
  type: 'CaseHandedOff',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, handedOffAt: Instant, fromAgency: UnitCode, toAgency: UnitCode, workingMinutesSpent: WorkingMinutes }, strict),
});

/** After reception; the second one makes the dossier late (Decision 766). */
export const SupplementRequested = defineEvent({
  type: 'SupplementRequested',
  version: 1,
  topic,
  schema: Type.Object(
    {
      dossierId: Uuid,
      requestId: Id,
      requestedAt: Instant,
      missing: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1 }),
      agency: UnitCode,
      officerId: Id,
      /** 1 for the first request; the count is what 766 judges. */
      sequence: Type.Integer({ minimum: 1 }),
    },
    strict,
  ),
});

export const ProcessingPaused = defineEvent({
  type: 'ProcessingPaused',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, pausedAt: Instant, reason: PauseReason }, strict),
});

/** Carries the due date moved by the pause, so no consumer recomputes working time. */
export const ProcessingResumed = defineEvent({
  type: 'ProcessingResumed',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, resumedAt: Instant, reason: PauseReason, pausedWorkingMinutes: WorkingMinutes, dueAt: Instant }, strict),
});

/** Only an extension approved before the due date moves it. */
export const DeadlineExtended = defineEvent({
  type: 'DeadlineExtended',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, extendedAt: Instant, previousDueAt: Instant, dueAt: Instant, reason: Reason, approvedBy: Id }, strict),
});

export const DossierDueSoon = defineEvent({
  type: 'DossierDueSoon',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, detectedAt: Instant, dueAt: Instant, agency: UnitCode }, strict),
});

export const DossierOverdue = defineEvent({
  type: 'DossierOverdue',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, detectedAt: Instant, dueAt: Instant, agency: UnitCode }, strict),
});

/** Mẫu 04. The new appointment never changes the on-time verdict: the dossier is already late. */
export const ApologyIssued = defineEvent({
  type: 'ApologyIssued',
  version: 1,
  topic,
  schema: Type.Object(
    {
      dossierId: Uuid,
      issuedAt: Instant,
      dueAt: Instant,
      newAppointmentAt: Instant,
      reason: Reason,
      agency: UnitCode,
      /** The leader who signed it (Mẫu 04); absent when the deadline check issued it on finding the dossier overdue, and in letters recorded before it was kept. */
      issuedBy: Type.Optional(Id),
    },
    strict,
  ),
});

/**
 * The decision, with the verdicts statistics need and the terms issuance needs (code, channel,
 * delivery, applicant reference, e-result flags), so issuance needs from intake only a reorganisation's DossierTransferred.
 */
export const DossierResolved = defineEvent({
  type: 'DossierResolved',
  version: 1,
  topic,
  schema: Type.Object(
    {
      dossierId: Uuid,
      code: DossierCode,
      outcome: Outcome,
      resolvedAt: Instant,
      receivedAt: Instant,
      dueAt: Instant,
      onTime: Type.Boolean(),
      supplementCount: Type.Integer({ minimum: 0 }),
      pausedWorkingMinutes: WorkingMinutes,
      resultDocuments: Type.Array(ResultDocument),
      channel: Channel,
      delivery: DeliveryMethod,
      applicantRef: ApplicantRef,
      unit: UnitCode,
      procedureCode: ProcedureCode,
      procedureVersion: ProcedureVersion,
      eResultAllowed: Type.Boolean(),
      returnsDocument: Type.Boolean(),
      decidedBy: Id,
      /** The submitting portal, re-carried from DossierReceived for issuance (ONLINE dossiers only). */
      portal: Type.Optional(PortalName),
      /**
       * The step that decided: its agency is the competent one, which issues the result (Decree
       * 61/2018/NĐ-CP: the one-stop desk of `unit` receives the dossier and returns the result),
       * and the working time it spent, as CaseHandedOff records each earlier agency's. Absent in
       * decisions recorded before it was kept: the deciding agency is then taken to be `unit`.
       */
      decidingStep: Type.Optional(Type.Object({ agency: UnitCode, step: Type.Integer({ minimum: 1 }), workingMinutesSpent: WorkingMinutes }, strict)),
    },
    strict,
  ),
});

/**
 * A pay-first dossier's payment request expired unpaid while its case waits for the fee: the
 * portal reminds the applicant (`reminder` counts the expired requests), and from now on the
 * officer may stop processing for non-payment. A later payment, of a new request, still resumes it.
 */
export const PaymentOverdue = defineEvent({
  type: 'PaymentOverdue',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, paymentId: Id, expiredAt: Instant, reminder: Type.Integer({ minimum: 1 }) }, strict),
});

/** Processing ends without a decision; a finished dossier for 766, and a refund trigger for payment. */
export const ProcessingStopped = defineEvent({
  type: 'ProcessingStopped',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, stoppedAt: Instant, reason: Reason, decidedBy: Id, ground: Type.Optional(StopGround) }, strict),
});

export const processingEvents = [
  CaseAssigned,
  CaseHandedOff,
  SupplementRequested,
  ProcessingPaused,
  ProcessingResumed,
  DeadlineExtended,
  DossierDueSoon,
  DossierOverdue,
  ApologyIssued,
  PaymentOverdue,
  DossierResolved,
  ProcessingStopped,
];
