import type { DemoCatalogue, ProcedureTerms } from '../plan/demo-catalogue';
import { WORKLOAD_MIX } from '../plan/workload-mix';
import type { DemoClient } from './demo-client';

/**
 * The procedures the workload mix names, every version, as intake's catalogue API publishes them,
 * and a check that the units it submits to are registered.
 */
export async function readCatalogue(client: DemoClient): Promise<DemoCatalogue> {
  const admin = client.officer('ADMIN', 'H56');
  const units = (await client.expect([200], 'intake', 'GET', '/catalogue/units', admin)) as unknown as { code: string }[];
  const known = new Set(units.map((u) => u.code));
  const missing = [...new Set(WORKLOAD_MIX.map(([unit]) => unit))].filter((u) => !known.has(u));
  if (missing.length > 0) throw new Error(`the catalogue has no unit ${missing.join(', ')}`);
  const versions: ProcedureTerms[] = [];
  for (const code of [...new Set(WORKLOAD_MIX.map(([, procedure]) => procedure))]) {
    const detail = await client.call('intake', 'GET', `/catalogue/procedures/${encodeURIComponent(code)}`, admin);
    if (detail.status === 404) continue;
    if (detail.status !== 200) await client.expect([200], 'intake', 'GET', `/catalogue/procedures/${code}`, admin);
    versions.push(...(detail.body['versions'] as ProcedureTerms[]));
  }
  return versions;
}
