import { Type } from '@sinclair/typebox';

/** Building blocks shared by the integration events. No personal data has a field here. */
export const Id = Type.String({ minLength: 1, maxLength: 100 });
export const Uuid = Type.String({ format: 'uuid' });
export const Instant = Type.String({ format: 'date-time' });
/** Integer VND: money is never a floating-point number. */
export const Vnd = Type.Integer({ minimum: 0 });
export const UnitCode = Type.String({ minLength: 1, maxLength: 50 });
export const ProcedureCode = Type.String({ minLength: 1, maxLength: 50 });
/** Keyed HMAC of the applicant's ID (hex): lets services relate dossiers without knowing who it is. */
export const ApplicantRef = Type.String({ pattern: '^[0-9a-f]{64}$' });
export const DossierCode = Type.String({ minLength: 1, maxLength: 60 });
export const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const Channel = Type.Union([Type.Literal('ONLINE'), Type.Literal('COUNTER'), Type.Literal('POSTAL')]);
export const DeliveryMethod = Type.Union([Type.Literal('ONLINE'), Type.Literal('COUNTER'), Type.Literal('POSTAL')]);
export const Outcome = Type.Union([Type.Literal('APPROVED'), Type.Literal('DENIED')]);
export const TimeUnit = Type.Union([Type.Literal('WORKING_DAYS'), Type.Literal('WORKING_HOURS')]);
export const ServiceLevel = Type.Union([Type.Literal('FULL'), Type.Literal('PARTIAL'), Type.Literal('NONE')]);
export const UnitLevel = Type.Union([Type.Literal('PROVINCE'), Type.Literal('DISTRICT'), Type.Literal('COMMUNE')]);

const strict = { additionalProperties: false } as const;

export const Duration = Type.Object({ value: Type.Number({ exclusiveMinimum: 0 }), unit: TimeUnit }, strict);

/** Where a document component of a dossier comes from. */
export const Component = Type.Union([
  Type.Object({ componentId: Id, name: Type.String({ maxLength: 300 }), provenance: Type.Literal('ELECTRONIC'), documentId: Id }, strict),
  Type.Object({ componentId: Id, name: Type.String({ maxLength: 300 }), provenance: Type.Literal('PAPER') }, strict),
  Type.Object({ componentId: Id, name: Type.String({ maxLength: 300 }), provenance: Type.Literal('REUSED'), repositoryDocumentId: Id }, strict),
]);

export const FeeItem = Type.Object(
  {
    code: Id,
    name: Type.String({ maxLength: 300 }),
    kind: Type.Union([Type.Literal('FEE'), Type.Literal('CHARGE')]),
    amount: Vnd,
    /** Online exemption (e.g. Resolution 12/NQ-HĐND) or discount, in force for this version. */
    online: Type.Union([
      Type.Object({ rule: Type.Literal('NONE') }, strict),
      Type.Object({ rule: Type.Literal('EXEMPT') }, strict),
      Type.Object({ rule: Type.Literal('DISCOUNT_PERCENT'), percent: Type.Integer({ minimum: 1, maximum: 100 }) }, strict),
      Type.Object({ rule: Type.Literal('FIXED_AMOUNT'), amount: Vnd }, strict),
    ]),
  },
  strict,
);

/** The terms a dossier is handled under: the procedure version in force at reception. */
export const ProcedureSnapshot = Type.Object(
  {
    code: ProcedureCode,
    version: Type.Integer({ minimum: 1 }),
    name: Type.String({ maxLength: 500 }),
    field: Type.String({ maxLength: 200 }),
    level: UnitLevel,
    serviceLevel: ServiceLevel,
    processingTime: Duration,
    agencies: Type.Array(UnitCode),
    fees: Type.Array(FeeItem),
    payFirst: Type.Boolean(),
    eResultAllowed: Type.Boolean(),
    returnsDocument: Type.Boolean(),
    refundRule: Type.Union([Type.Literal('NONE'), Type.Literal('FULL_ON_WITHDRAWAL'), Type.Literal('FULL_ON_WITHDRAWAL_OR_STOP')]),
  },
  strict,
);

export const ResultDocument = Type.Object(
  { documentId: Id, name: Type.String({ maxLength: 300 }), sha256: Type.Optional(Sha256) },
  strict,
);
