import { Type } from '@sinclair/typebox';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { ApplicantRef, Channel, Component, DeliveryMethod, DossierCode, Id, Instant, ProcedureCode, ProcedureSnapshot, UnitCode, Uuid } from './common.schemas';

const strict = { additionalProperties: false } as const;
const topic = Topics.intake;
const Reason = Type.String({ minLength: 1, maxLength: 2000 });

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
      procedureVersion: Type.Integer({ minimum: 1 }),
      applicantRef: ApplicantRef,
      applicantKind: Type.Union([Type.Literal('INDIVIDUAL'), Type.Literal('ORGANISATION')]),
      components: Type.Array(Component),
      delivery: DeliveryMethod,
    },
    strict,
  ),
});

export const DossierReturnedForSupplement = defineEvent({
  type: 'DossierReturnedForSupplement',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, code: DossierCode, returnedAt: Instant, missing: Type.Array(Type.String({ maxLength: 500 }), { minItems: 1 }), officerId: Id }, strict),
});

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
      components: Type.Array(Component),
      delivery: DeliveryMethod,
      procedure: ProcedureSnapshot,
      officerId: Id,
    },
    strict,
  ),
});

export const DossierRejected = defineEvent({
  type: 'DossierRejected',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, code: DossierCode, rejectedAt: Instant, reason: Reason, officerId: Id }, strict),
});

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

export const intakeEvents = [DossierSubmitted, DossierReturnedForSupplement, DossierReceived, DossierRejected, SupplementProvided, DossierWithdrawn];
