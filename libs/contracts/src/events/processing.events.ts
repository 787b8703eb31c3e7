import { Type } from '@sinclair/typebox';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { ApplicantRef, Channel, DeliveryMethod, DossierCode, Id, Instant, Outcome, ProcedureCode, ResultDocument, UnitCode, Uuid } from './common.schemas';

const strict = { additionalProperties: false } as const;
const topic = Topics.processing;
const Reason = Type.String({ minLength: 1, maxLength: 2000 });
const Minutes = Type.Integer({ minimum: 0 });

export const CaseAssigned = defineEvent({
  type: 'CaseAssigned',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, assignedAt: Instant, agency: UnitCode, department: Type.Optional(Id), officerId: Type.Optional(Id), step: Type.Integer({ minimum: 1 }) }, strict),
});

export const CaseHandedOff = defineEvent({
  type: 'CaseHandedOff',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, handedOffAt: Instant, fromAgency: UnitCode, toAgency: UnitCode, workingMinutesSpent: Minutes }, strict),
});

export const SupplementRequested = defineEvent({
  type: 'SupplementRequested',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, requestId: Id, requestedAt: Instant, missing: Type.Array(Type.String({ maxLength: 500 }), { minItems: 1 }), agency: UnitCode, officerId: Id }, strict),
});

const PauseReason = Type.Union([Type.Literal('SUPPLEMENT'), Type.Literal('AWAITING_PAYMENT')]);

export const ProcessingPaused = defineEvent({
  type: 'ProcessingPaused',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, pausedAt: Instant, reason: PauseReason }, strict),
});

export const ProcessingResumed = defineEvent({
  type: 'ProcessingResumed',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, resumedAt: Instant, reason: PauseReason, dueAt: Instant }, strict),
});

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

export const ApologyIssued = defineEvent({
  type: 'ApologyIssued',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, issuedAt: Instant, dueAt: Instant, newAppointmentAt: Instant, reason: Reason, agency: UnitCode }, strict),
});

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
      pausedWorkingMinutes: Minutes,
      resultDocuments: Type.Array(ResultDocument),
      channel: Channel,
      delivery: DeliveryMethod,
      applicantRef: ApplicantRef,
      unit: UnitCode,
      procedureCode: ProcedureCode,
      procedureVersion: Type.Integer({ minimum: 1 }),
      eResultAllowed: Type.Boolean(),
      returnsDocument: Type.Boolean(),
      decidedBy: Id,
    },
    strict,
  ),
});

export const ProcessingStopped = defineEvent({
  type: 'ProcessingStopped',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, stoppedAt: Instant, reason: Reason, decidedBy: Id }, strict),
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
  DossierResolved,
  ProcessingStopped,
];
