import { Type } from '@sinclair/typebox';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { Instant, ProcedureCode, ProcedureSnapshot, UnitCode, UnitLevel } from './common.schemas';

const strict = { additionalProperties: false } as const;
const topic = Topics.catalogue;

/** Subject and key: the procedure code. The compacted topic keeps each procedure's latest version. */
export const ProcedurePublished = defineEvent({
  type: 'ProcedurePublished',
  version: 1,
  topic,
  schema: Type.Object(
    { procedure: ProcedureSnapshot, effectiveFrom: Instant, units: Type.Array(UnitCode), sample: Type.Boolean() },
    strict,
  ),
});

export const ProcedureRetired = defineEvent({
  type: 'ProcedureRetired',
  version: 1,
  topic,
  schema: Type.Object({ code: ProcedureCode, version: Type.Integer({ minimum: 1 }), retiredAt: Instant }, strict),
});

/** Subject and key: the unit code. A successor carries dossiers of units merged away (2025 reform). */
export const UnitRegistered = defineEvent({
  type: 'UnitRegistered',
  version: 1,
  topic,
  schema: Type.Object(
    {
      code: UnitCode,
      name: Type.String({ maxLength: 300 }),
      level: UnitLevel,
      parent: Type.Optional(UnitCode),
      successorOf: Type.Array(UnitCode),
      validFrom: Instant,
      validTo: Type.Optional(Instant),
    },
    strict,
  ),
});

export const catalogueEvents = [ProcedurePublished, ProcedureRetired, UnitRegistered];
