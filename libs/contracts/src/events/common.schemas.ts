import { Type } from '@sinclair/typebox';
import { Literals, strict, TaggedUnion } from './schema-helpers';

/**
 * Building blocks shared by the integration events. Topics keep everything forever, so no
 * personal data (citizen id, name, address, phone) has a field here or anywhere in contracts.
 */
export const Id = Type.String({ minLength: 1, maxLength: 100 });
export const Uuid = Type.String({ format: 'uuid' });
export const Instant = Type.String({ format: 'date-time' });
/** Integer VND: money is never a floating-point number. */
export const Vnd = Type.Integer({ minimum: 0 });
export const UnitCode = Type.String({ minLength: 1, maxLength: 50 });
export const ProcedureCode = Type.String({ minLength: 1, maxLength: 50 });
export const ProcedureVersion = Type.Integer({ minimum: 1 });
/** Keyed HMAC-SHA256 of the applicant's id (hex): relates dossiers without saying whose they are. */
export const ApplicantRef = Type.String({ pattern: '^[0-9a-f]{64}$' });
export const DossierCode = Type.String({ minLength: 1, maxLength: 60 });
/**
 * The portal that submitted an online dossier: the name its API key is registered under
 * (API_KEYS), never the key. It scopes what that portal may see; it is not personal data.
 */
export const PortalName = Type.String({ pattern: '^[A-Za-z0-9._-]{1,100}$' });
export const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
/** Free text written by an officer; it must not quote the applicant's personal data. */
export const Reason = Type.String({ minLength: 1, maxLength: 2000 });

export const Channel = Literals('ONLINE', 'COUNTER', 'POSTAL');
export const DeliveryMethod = Literals('ONLINE', 'COUNTER', 'POSTAL');
export const Outcome = Literals('APPROVED', 'DENIED');
export const TimeUnit = Literals('WORKING_DAYS', 'WORKING_HOURS');
export const ServiceLevel = Literals('FULL', 'PARTIAL', 'NONE');
export const UnitLevel = Literals('PROVINCE', 'DISTRICT', 'COMMUNE');
export const FeeKind = Literals('FEE', 'CHARGE');

/** Some procedures take half a working day, hence a number rather than an integer. */
export const Duration = Type.Object({ value: Type.Number({ exclusiveMinimum: 0 }), unit: TimeUnit }, strict);

/** Where a component of a dossier comes from; REUSED counts toward the data-reuse rate (766 §4.3). */
export const Component = TaggedUnion('provenance', [
  Type.Object({ componentId: Id, name: Type.String({ maxLength: 300 }), provenance: Type.Literal('ELECTRONIC'), documentId: Id }, strict),
  Type.Object({ componentId: Id, name: Type.String({ maxLength: 300 }), provenance: Type.Literal('PAPER') }, strict),
  Type.Object({ componentId: Id, name: Type.String({ maxLength: 300 }), provenance: Type.Literal('REUSED'), repositoryDocumentId: Id }, strict),
]);

/** What an item costs when the dossier is online (e.g. Resolution 12/NQ-HĐND exemptions). */
export const OnlineFeeRule = TaggedUnion('rule', [
  Type.Object({ rule: Type.Literal('NONE') }, strict),
  Type.Object({ rule: Type.Literal('EXEMPT') }, strict),
  Type.Object({ rule: Type.Literal('DISCOUNT_PERCENT'), percent: Type.Integer({ minimum: 1, maximum: 100 }) }, strict),
  Type.Object({ rule: Type.Literal('FIXED_AMOUNT'), amount: Vnd }, strict),
]);

export const FeeItem = Type.Object({ code: Id, name: Type.String({ maxLength: 300 }), kind: FeeKind, amount: Vnd, online: OnlineFeeRule }, strict);

export const RefundRule = Literals('NONE', 'FULL_ON_WITHDRAWAL', 'FULL_ON_WITHDRAWAL_OR_STOP');

/**
 * The terms a dossier is handled under: the procedure version in force at reception. Downstream
 * services read these, never intake's catalogue, so a later catalogue change cannot alter a
 * dossier already received.
 */
/** A stretch of a unit's office time, local wall clock. */
const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
export const OfficePeriod = Type.Object({ start: ClockTime, end: ClockTime }, { additionalProperties: false });

/** The holiday table version and the receiving unit's office hours a due date was computed with (libs/calendar CalendarTerms). */
export const CalendarTerms = Type.Object(
  { holidayTable: Type.String({ minLength: 1, maxLength: 50 }), officeHours: Type.Array(OfficePeriod, { minItems: 1, maxItems: 6 }) },
  { additionalProperties: false },
);

export const ProcedureSnapshot = Type.Object(
  {
    code: ProcedureCode,
    version: ProcedureVersion,
    name: Type.String({ maxLength: 500 }),
    field: Type.String({ maxLength: 200 }),
    level: UnitLevel,
    serviceLevel: ServiceLevel,
    processingTime: Duration,
    /** In processing order; more than one for an inter-agency procedure. */
    agencies: Type.Array(UnitCode, { minItems: 1 }),
    fees: Type.Array(FeeItem),
    payFirst: Type.Boolean(),
    eResultAllowed: Type.Boolean(),
    /** Whether the procedure returns a document: the 766 §3.3 and §4.1 denominators need it. */
    returnsDocument: Type.Boolean(),
    refundRule: RefundRule,
  },
  strict,
);

export const ResultDocument = Type.Object({ documentId: Id, name: Type.String({ maxLength: 300 }), sha256: Type.Optional(Sha256) }, strict);
