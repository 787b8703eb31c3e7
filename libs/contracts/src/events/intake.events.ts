import { Type } from '@sinclair/typebox';
import { defineEvent, EventData } from '../event-definition';
import { Topics } from '../topics';
import { ApplicantRef, CalendarTerms, Channel, Component, DeliveryMethod, DossierCode, Id, Instant, PortalName, ProcedureCode, ProcedureSnapshot, ProcedureVersion, Reason, UnitCode, Uuid } from './common.schemas';
import { Literals, strict } from './schema-helpers';

/** Intake's events about a dossier; subject and key: the dossier id. */
const topic = Topics.intake;
const Missing = Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1 });

/** The code is given here, so the applicant can track the dossier before it is received. */
export const DossierSubmitted = defineEvent({
  type: 'DossierSubmitted',
  version: 1,
  topic,
  schema: Type.Object(
    {
      dossierId: Uuid,
      code: DossierCode,
      submittedAt: Instant,
      channel: Channel,
      unit: UnitCode,
      procedureCode: ProcedureCode,
      procedureVersion: ProcedureVersion,
      applicantRef: ApplicantRef,
      applicantKind: Literals('INDIVIDUAL', 'ORGANISATION'),
      components: Type.Array(Component, { minItems: 1 }),
      delivery: DeliveryMethod,
      /** ONLINE dossiers only; absent from events written before portals were recorded. */
      portal: Type.Optional(PortalName),
    },
    strict,
  ),
});

/** Returned at reception (Mẫu 02): the clock has not started, so it is not a supplement request. */
export const DossierReturnedForSupplement = defineEvent({
  type: 'DossierReturnedForSupplement',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, code: DossierCode, returnedAt: Instant, missing: Missing, officerId: Id }, strict),
});

/** Starts everything downstream; carries the terms in force so no service asks intake for them. */
export const DossierReceived = defineEvent({
  type: 'DossierReceived',
  version: 1,
  topic,
  schema: Type.Object(
    {
      dossierId: Uuid,
      code: DossierCode,
      receivedAt: Instant,
      dueAt: Instant,
      channel: Channel,
      unit: UnitCode,
      applicantRef: ApplicantRef,
      components: Type.Array(Component, { minItems: 1 }),
      delivery: DeliveryMethod,
      procedure: ProcedureSnapshot,
      officerId: Id,
      /** The submitting portal, for the services that serve it (ONLINE dossiers only). */
      portal: Type.Optional(PortalName),
      /**
       * What the due date was computed with; every later computation on the dossier uses it.
       * Absent from events written before it was recorded: those used the default office hours.
       */
      calendar: Type.Optional(CalendarTerms),
    },
    strict,
  ),
});

/** Mẫu 03: refused at reception; a finished dossier for the 766 on-time count. */
export const DossierRejected = defineEvent({
  type: 'DossierRejected',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, code: DossierCode, rejectedAt: Instant, reason: Reason, officerId: Id }, strict),
});

/** The applicant's documents arrived at the one-stop desk; processing resumes the clock on it. */
export const SupplementProvided = defineEvent({
  type: 'SupplementProvided',
  version: 1,
  topic,
  schema: Type.Object(
    { dossierId: Uuid, code: DossierCode, providedAt: Instant, components: Type.Array(Component, { minItems: 1 }), requestId: Type.Optional(Id) },
    strict,
  ),
});

export const DossierWithdrawn = defineEvent({
  type: 'DossierWithdrawn',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, code: DossierCode, withdrawnAt: Instant, reason: Type.Optional(Reason) }, strict),
});

/**
 * A reorganisation of administrative units merged the dossier's unit into another: from
 * `effectiveAt` the successor holds the dossier, its officers act on it, and the former unit's
 * officers may still act until `transitionEndsAt`. Its history, due date and clock are unchanged.
 */
export const DossierTransferred = defineEvent({
  type: 'DossierTransferred',
  version: 1,
  topic,
  schema: Type.Object(
    { dossierId: Uuid, code: DossierCode, transferredAt: Instant, fromUnit: UnitCode, toUnit: UnitCode, reorganisationId: Id, effectiveAt: Instant, transitionEndsAt: Instant },
    strict,
  ),
});

/** What each service records of a transfer on its own stream (the dossier's code is intake's). */
export type DossierTransfer = Omit<EventData<typeof DossierTransferred>, 'code'>;

export const intakeEvents = [DossierSubmitted, DossierReturnedForSupplement, DossierReceived, DossierRejected, SupplementProvided, DossierWithdrawn, DossierTransferred];
