import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { ApplicantRef, Id, Instant, Sha256, Uuid } from './common.schemas';
import { Literals, strict } from './schema-helpers';

/** Digitisation holds every file's bytes; these events carry ids and hashes, never content. */
const topic = Topics.digitisation;
const Pages = Type.Integer({ minimum: 1 });

/** Subject and key: the document id (a file exists before any dossier references it). */
export const DocumentStored = defineEvent({
  type: 'DocumentStored',
  version: 1,
  topic,
  schema: Type.Object(
    {
      documentId: Id,
      storedAt: Instant,
      sha256: Sha256,
      mediaType: Type.String({ minLength: 1, maxLength: 100 }),
      bytes: Type.Integer({ minimum: 0 }),
      origin: Literals('UPLOAD', 'SCAN', 'RESULT'),
      applicantRef: Type.Optional(ApplicantRef),
    },
    strict,
  ),
});

/** A paper component scanned at the counter: content hash, page count, officer. */
export const ComponentDigitised = defineEvent({
  type: 'ComponentDigitised',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, componentId: Id, documentId: Id, digitisedAt: Instant, pages: Pages, officerId: Id, sha256: Sha256 }, strict),
});

/** Every component now exists in electronic form (766 §4.2 numerator, with the e-result). */
export const DossierDigitised = defineEvent({
  type: 'DossierDigitised',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, digitisedAt: Instant, components: Type.Integer({ minimum: 0 }) }, strict),
});

/** A reuse reference checked against the applicant's repository (766 §4.3). */
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
    { dossierId: Uuid, componentId: Id, repositoryDocumentId: Id, refusedAt: Instant, reason: Literals('NOT_FOUND', 'NOT_OWNED_BY_APPLICANT', 'EXPIRED') },
    strict,
  ),
});

/** A paper result scanned when issued, so it too reaches the applicant's repository. */
export const ResultDigitised = defineEvent({
  type: 'ResultDigitised',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, documentId: Id, digitisedAt: Instant, pages: Pages, officerId: Id, sha256: Sha256 }, strict),
});

export const digitisationEvents = [DocumentStored, ComponentDigitised, DossierDigitised, DocumentReused, ReuseRefused, ResultDigitised];
