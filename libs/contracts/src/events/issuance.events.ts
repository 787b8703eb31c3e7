import { Type } from '@sinclair/typebox';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { DeliveryMethod, DossierCode, Id, Instant, Sha256, Uuid } from './common.schemas';

const strict = { additionalProperties: false } as const;
const topic = Topics.issuance;

export const ResultIssued = defineEvent({
  type: 'ResultIssued',
  version: 1,
  topic,
  schema: Type.Object(
    {
      dossierId: Uuid,
      code: DossierCode,
      issuedAt: Instant,
      result: Type.Union([
        Type.Object(
          {
            form: Type.Literal('ELECTRONIC'),
            documentId: Id,
            sha256: Sha256,
            keyId: Id,
            algorithm: Type.Literal('Ed25519'),
            signature: Type.String({ contentEncoding: 'base64', maxLength: 200 }),
          },
          strict,
        ),
        Type.Object({ form: Type.Literal('PAPER'), documentNumber: Id }, strict),
      ]),
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

export const DossierCompleted = defineEvent({
  type: 'DossierCompleted',
  version: 1,
  topic,
  schema: Type.Object({ dossierId: Uuid, code: DossierCode, completedAt: Instant }, strict),
});

export const issuanceEvents = [ResultIssued, ResultDelivered, DossierCompleted];
