import { ForbiddenError, Principal } from '@motcua/platform';
import { EntityManager } from 'typeorm';

/**
 * A unit and every unit under it: the units whose `parent` chain leads to it, and the units
 * merged into any of them (`successor_of`) with theirs — so an analyst of a commune formed in
 * 2025 also sees the dossiers its predecessors received. Both links come from UnitRegistered;
 * a unit the catalogue has not named yet stands for itself alone.
 */
const UNDER = `
  WITH RECURSIVE edge(above, below) AS (
    SELECT parent, code FROM projections.units WHERE parent IS NOT NULL
    UNION ALL
    SELECT u.code, merged FROM projections.units u, unnest(u.successor_of) merged
  ), under(code) AS (
    SELECT $1::text
    UNION
    SELECT e.below FROM edge e JOIN under ON e.above = under.code
  )
  SELECT code FROM under`;

export async function unitsUnder(manager: EntityManager, unit: string): Promise<string[]> {
  const rows: { code: string }[] = await manager.query(UNDER, [unit]);
  return rows.map((r) => r.code);
}

/**
 * The units a caller's figures may cover, from `root` down (default: the caller's own unit; for
 * ADMIN, every unit — undefined, no filter). ANALYST and LEADER reach their own unit and those
 * under it; any other unit named (`root`, or a group filter in `named`) is refused, not answered
 * with zeros, so a caller can tell "none" from "not yours".
 */
export async function scopeOf(manager: EntityManager, caller: Principal, root?: string, named: (string | undefined)[] = []): Promise<string[] | undefined> {
  if (caller.kind !== 'officer') throw new ForbiddenError('AUTH.FORBIDDEN_ROLE', 'Statistics are for analysts, leaders and administrators');
  if (caller.role === 'ADMIN') return root === undefined ? undefined : unitsUnder(manager, root);
  const own = await unitsUnder(manager, caller.unit);
  if ([root, ...named].some((u) => u !== undefined && !own.includes(u))) throw new ForbiddenError('AUTH.OTHER_UNIT', 'These figures belong to another administrative unit');
  return root === undefined ? own : unitsUnder(manager, root);
}
