import { Type } from '@sinclair/typebox';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { ApplicantRef, Id, Instant, Sha256, Uuid } from './common.schemas';

const strict = { additionalProperties: false } as const;
const topic = Topics.digitisation;

export const DocumentStored = defineEvent({
  type: 'DocumentStored',
  version: 1,
  topic,
  schema: Type.Object(
    {
      documentId: Id,
      storedAt: Instant,
      sha256: Sha256,
      mediaType: Type.String({ maxLength: 100 }),
      bytes: Type.Integer({ minimum: 0 }),
      origin: Type.Union([Type.Literal('UPLOAD'), Type.Literal('SCAN'), Type.Literal('RESULT')]),
      applicantRef: Type.Optional(ApplicantRef),
    },
    strict,
  ),
});

export const ComponentDigitised = defineEvent({
  type: 'ComponentDigitised',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, componentId: Id, documentId: Id, digitisedAt: Instant, pages: Type.Integer({ minimum: 1 }), officerId: Id, sha256: Sha256 }, strict),
});

export const DossierDigitised = defineEvent({
  type: 'DossierDigitised',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, digitisedAt: Instant, components: Type.Integer({ minimum: 0 }) }, strict),
});

export const DocumentReused = defineEvent({
  type: 'DocumentReused',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, componentId: Id, repositoryDocumentId: Id, reusedAt: Instant }, strict),
});

export const ReuseRefused = defineEvent({
  type: 'ReuseRefused',
  version: 1,
  topic,
  schema: Type.Object(
    {
      dossierId: Uuid,
      componentId: Id,
      repositoryDocumentId: Id,
      refusedAt: Instant,
      reason: Type.Union([Type.Literal('NOT_FOUND'), Type.Literal('NOT_OWNED_BY_APPLICANT'), Type.Literal('EXPIRED')]),
    },
    strict,
  ),
});

export const ResultDigitised = defineEvent({
  type: 'ResultDigitised',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, documentId: Id, digitisedAt: Instant, pages: Type.Integer({ minimum: 1 }), officerId: Id, sha256: Sha256 }, strict),
});

export const digitisationEvents = [DocumentStored, ComponentDigitised, DossierDigitised, DocumentReused, ReuseRefused, ResultDigitised];
