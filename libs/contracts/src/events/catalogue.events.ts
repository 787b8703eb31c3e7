import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { Instant, ProcedureCode, ProcedureSnapshot, ProcedureVersion, UnitCode, UnitLevel } from './common.schemas';
import { strict } from './schema-helpers';

/** Published by intake on the compacted catalogue topic, for read models; no dossier depends on it. */
const topic = Topics.catalogue;

/** Subject and key: the procedure code, so compaction keeps each procedure's latest version. */
export const ProcedurePublished = defineEvent({
  type: 'ProcedurePublished',
  version: 1,
  topic,
  schema: Type.Object(
    {
      procedure: ProcedureSnapshot,
      effectiveFrom: Instant,
      /** Units that accept dossiers for this procedure. */
      units: Type.Array(UnitCode),
      /** Invented values (sample seed data) are marked, never passed off as official. */
      sample: Type.Boolean(),
    },
    strict,
  ),
});

/** Subject and key: the procedure code; replaces its ProcedurePublished record after compaction. */
export const ProcedureRetired = defineEvent({
  type: 'ProcedureRetired',
  version: 1,
  topic,
  schema: Type.Object({ code: ProcedureCode, version: ProcedureVersion, retiredAt: Instant }, strict),
});

/**
 * Subject and key: the unit code. `successorOf` lists the units merged into this one (the 2025
 * reform: 547 communes to 166, no more districts), so statistics report by old and new units.
 */
export const UnitRegistered = defineEvent({
  type: 'UnitRegistered',
  version: 1,
  topic,
  schema: Type.Object(
    {
      code: UnitCode,
      name: Type.String({ minLength: 1, maxLength: 300 }),
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
