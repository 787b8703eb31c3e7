import type { IntegrationEvent } from '@motcua/contracts';
import { EntityManager } from 'typeorm';
import { recordsetOf, toRecord } from '../../database/recordset';
import { ProcedureEntity } from './procedure.entity';
import { UnitEntity } from './unit.entity';

export type CatalogueEvent = Extract<IntegrationEvent, { type: 'UnitRegistered' | 'ProcedurePublished' | 'ProcedureRetired' }>;

export function isCatalogueEvent(event: IntegrationEvent): event is CatalogueEvent {
  return event.type === 'UnitRegistered' || event.type === 'ProcedurePublished' || event.type === 'ProcedureRetired';
}

/** Dossier writers hold this lock shared while they read unit_successors; a merger takes it alone. */
export const UNITS_LOCK = "hashtext('motcua.projections.units')";

/**
 * Units and procedures from the catalogue topic. A merger re-points the successor unit of every
 * dossier already received at the merged units, so grouping by today's unit needs no join.
 */
export async function applyCatalogue(manager: EntityManager, schema: string, events: CatalogueEvent[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(`select pg_advisory_xact_lock(${UNITS_LOCK})`);
  const units = new Map<string, Record<string, unknown>>();
  const procedures = new Map<string, Record<string, unknown>>();
  const retired: { code: string; version: number; retiredAt: string }[] = [];
  for (const event of events) {
    if (event.type === 'UnitRegistered') {
      const u = event.data;
      units.set(u.code, { code: u.code, name: u.name, level: u.level, parent: u.parent ?? null, successorOf: u.successorOf, validFrom: u.validFrom, validTo: u.validTo ?? null });
    } else if (event.type === 'ProcedurePublished') {
      const p = event.data.procedure;
      procedures.set(`${p.code}|${p.version}`, {
        ...{ code: p.code, version: p.version, name: p.name, field: p.field, level: p.level, serviceLevel: p.serviceLevel },
        ...{ processingTimeValue: p.processingTime.value, processingTimeUnit: p.processingTime.unit, returnsDocument: p.returnsDocument },
        ...{ eResultAllowed: p.eResultAllowed, feeBearing: p.fees.some((fee) => fee.amount > 0), sample: event.data.sample, effectiveFrom: event.data.effectiveFrom, retiredAt: null },
      });
    } else {
      retired.push({ code: event.data.code, version: event.data.version, retiredAt: event.data.retiredAt });
    }
  }
  await upsert(manager, schema, 'units', UnitEntity, [...units.values()], ['code']);
  await upsert(manager, schema, 'procedures', ProcedureEntity, [...procedures.values()], ['code', 'version']);
  for (const r of retired) await manager.query(`update ${schema}.procedures set retired_at = $3 where code = $1 and version = $2`, [r.code, r.version, r.retiredAt]);
  if (units.size > 0) {
    // Re-pointed dossiers count under another successor: their indicator totals are recomputed.
    await manager.query(`
      with moved as (
        update ${schema}.dossier_facts f set successor_unit = s.successor_today
          from ${schema}.unit_successors s
         where s.code = f.unit and f.successor_unit is distinct from s.successor_today
        returning f.dossier_id)
      insert into ${schema}.indicator_dirty_dossiers (dossier_id) select dossier_id from moved order by dossier_id on conflict do nothing`);
  }
}

async function upsert(manager: EntityManager, schema: string, table: string, entity: typeof UnitEntity | typeof ProcedureEntity, rows: Record<string, unknown>[], keys: string[]): Promise<void> {
  if (rows.length === 0) return;
  const { columns, from } = recordsetOf(manager.connection.getMetadata(entity));
  const names = columns.map((column) => column.databaseName);
  const updates = names.filter((name) => !keys.includes(name)).map((name) => `${name} = excluded.${name}`);
  await manager.query(
    `insert into ${schema}.${table} (${names.join(', ')}) select ${names.join(', ')} from ${from} on conflict (${keys.join(', ')}) do update set ${updates.join(', ')}`,
    [JSON.stringify(rows.map((row) => toRecord(columns, row)))],
  );
}
