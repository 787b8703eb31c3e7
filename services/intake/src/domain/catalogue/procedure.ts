import type { ProcessingTime } from '@motcua/calendar';
import type { FeeItem, ProcedureSnapshot } from '@motcua/contracts';
import type { Static } from '@sinclair/typebox';

export type ServiceLevel = 'FULL' | 'PARTIAL' | 'NONE';
export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type Fee = Static<typeof FeeItem>;
export type Snapshot = Static<typeof ProcedureSnapshot>;

export interface RequiredDocument {
  id: string;
  name: string;
  /** Optional documents may be left out without a supplement request. */
  required: boolean;
}

/** One version of a procedure, in force from `effectiveFrom` until a later version or its retirement. */
export interface ProcedureVersion {
  code: string;
  version: number;
  name: string;
  field: string;
  level: UnitLevel;
  serviceLevel: ServiceLevel;
  processingTime: ProcessingTime;
  requiredDocuments: RequiredDocument[];
  fees: Fee[];
  payFirst: boolean;
  eResultAllowed: boolean;
  returnsDocument: boolean;
  refundRule: Snapshot['refundRule'];
  /** Inter-agency procedures: the agencies in processing order; otherwise the one competent agency. */
  agencies: string[];
  /** Units where the procedure can be submitted. */
  units: string[];
  /** ISO instant. */
  effectiveFrom: string;
  retiredAt?: string;
  /** True where a value is invented for demonstration rather than taken from the national catalogue. */
  sample: boolean;
}

/** The version in force at an instant: the latest that has started and is not retired. */
export function versionInForce(versions: ProcedureVersion[], at: Date): ProcedureVersion | undefined {
  const instant = at.getTime();
  return versions
    .filter((v) => Date.parse(v.effectiveFrom) <= instant && (!v.retiredAt || Date.parse(v.retiredAt) > instant))
    .sort((a, b) => b.version - a.version)[0];
}

/**
 * The terms a received dossier carries downstream (DESIGN.md, "Terms travel with the dossier").
 * A procedure without listed agencies is handled by the unit that receives it (a commune's own
 * civil-status work, say); lacking a receiving unit, by the units that accept it.
 */
export function toSnapshot(v: ProcedureVersion, receivingUnit?: string): Snapshot {
  return {
    code: v.code,
    version: v.version,
    name: v.name,
    field: v.field,
    level: v.level,
    serviceLevel: v.serviceLevel,
    processingTime: v.processingTime,
    agencies: handlingAgencies(v, receivingUnit),
    fees: v.fees,
    payFirst: v.payFirst,
    eResultAllowed: v.eResultAllowed,
    returnsDocument: v.returnsDocument,
    refundRule: v.refundRule,
  };
}

function handlingAgencies(v: ProcedureVersion, receivingUnit: string | undefined): string[] {
  if (v.agencies.length > 0) return v.agencies;
  return receivingUnit ? [receivingUnit] : v.units;
}
