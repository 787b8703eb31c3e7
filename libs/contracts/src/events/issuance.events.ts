import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { ApplicantRef, DeliveryMethod, DossierCode, Id, Instant, Sha256, Uuid } from './common.schemas';
import { strict, TaggedUnion } from './schema-helpers';

/** Issuance's events; subject and key: the dossier id. */
const topic = Topics.issuance;

/**
 * An e-result is signed (Ed25519) over the canonical JSON (RFC 8785) of its manifest, which holds
 * the document's SHA-256; the key id lets a verifier find a retired public key years later.
 */
const ElectronicResult = Type.Object(
  {
    form: Type.Literal('ELECTRONIC'),
    documentId: Id,
    sha256: Sha256,
    keyId: Id,
    algorithm: Type.Literal('Ed25519'),
    /** Base64 of the 64-byte Ed25519 signature. */
    signature: Type.String({ pattern: '^[A-Za-z0-9+/]{86}==$' }),
  },
  strict,
);

/** A printed result; ResultDigitised follows when digitisation scans it. */
const PaperResult = Type.Object({ form: Type.Literal('PAPER'), documentNumber: Id }, strict);

export const ResultIssued = defineEvent({
  type: 'ResultIssued',
  version: 1,
  topic,
  schema: Type.Object(
    {
      dossierId: Uuid,
      code: DossierCode,
      issuedAt: Instant,
      /** Digitisation files the result in this applicant's repository. */
      applicantRef: ApplicantRef,
      result: TaggedUnion('form', [ElectronicResult, PaperResult]),
    },
    strict,
  ),
});

export const ResultDelivered = defineEvent({
  type: 'ResultDelivered',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, deliveredAt: Instant, method: DeliveryMethod }, strict),
});

/** Delivery completes the dossier: the last event of its life. */
export const DossierCompleted = defineEvent({
  type: 'DossierCompleted',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, code: DossierCode, completedAt: Instant }, strict),
});

export const issuanceEvents = [ResultIssued, ResultDelivered, DossierCompleted];
