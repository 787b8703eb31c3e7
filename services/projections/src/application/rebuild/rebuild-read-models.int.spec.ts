import { randomUUID } from 'node:crypto';
import { Topics } from '@motcua/contracts';
import { eventually } from '@motcua/testing';
import { wholeLife } from '../../testing/dossier-life.fixtures';
import { ProjectionsHarness } from '../../testing/projections.harness';
import { RebuildReport } from './rebuild-read-models';
import { schemaChecksums } from './schema-checksum';

describe('rebuilding the read models without downtime (real PostgreSQL and Kafka)', () => {
  const harness = new ProjectionsHarness();
  beforeAll(() => harness.start(), 120_000);
  afterAll(() => harness.close());

  it('after duplicates, killed batches and a restart, the rebuilt tables are identical to the live ones, and serve after the swap', async () => {
    // Codes of this run only: the topics hold earlier runs' dossiers, some submitted before portals were recorded.
    const run = Math.floor(Math.random() * 90_000) + 10_000;
    const lives = [randomUUID(), randomUUID(), randomUUID()].map((id, n) => wholeLife(id, `H56.22-250106-${run}${n}`));
    let kills = 0;
    harness.faults.beforeCommit = (_topic, _partition, events) => {
      if (kills < 2 && events.some((e) => e.subject === lives[0][0].envelope.subject)) {
        kills += 1;
        throw new Error('killed mid-batch');
      }
    };
    await harness.publish(...lives[0], ...lives[1].slice(0, 8));
    await harness.publish(lives[0][3], lives[0][10]);
    await harness.sendRaw(Topics.processing, lives[1][0].envelope.subject, 'not json');
    await harness.projected([...lives[0], ...lives[1].slice(0, 8)]);
    await harness.stop();
    await harness.publish(...lives[1].slice(8), ...lives[2]);
    await harness.boot();
    await harness.projected([...lives[1], ...lives[2]]);

    const response = await fetch(`${harness.base}/v1/projections/rebuild`, { method: 'POST', headers: harness.officer('ADMIN', 'H56') });
    expect(response.status).toBe(200);
    const report = (await response.json()) as RebuildReport;
    const manager = harness.db.manager;
    // The swapped-in tables as the switch saw them against the retired ones, which nothing writes
    // since; the live tables themselves go on applying whatever else reaches the shared topics.
    const retired = await schemaChecksums(manager, report.retiredSchema);
    expect(report.checksums).toEqual(retired);
    expect(Number(retired['dossier_facts'].split(':')[0])).toBeGreaterThanOrEqual(3);

    const timeline = await fetch(`${harness.base}/v1/dossiers/by-code/H56.22-250106-${run}0/timeline`, { headers: harness.portal() });
    expect(timeline.status).toBe(200);
    expect(((await timeline.json()) as { status: string }).status).toBe('COMPLETED');
    // The live consumer resumed on the swapped-in tables.
    const later = wholeLife(randomUUID(), `H56.22-250106-${run}9`);
    await harness.publish(...later);
    await harness.projected(later);
  });

  it('switches while events keep arriving and the live tables keep applying them: nothing is lost, one rebuild at a time', async () => {
    const run = Math.floor(Math.random() * 90_000) + 10_000;
    const schemasBefore = await retiredSchemas();
    const rebuild = fetch(`${harness.base}/v1/projections/rebuild`, { method: 'POST', headers: harness.officer('ADMIN', 'H56') });
    let settled = false;
    void rebuild.finally(() => (settled = true));
    await eventually(() => harness.db.query(`select 1 from pg_namespace where nspname = 'projections_rebuild'`), (rows: unknown[]) => rows.length === 1, { timeoutMs: 30_000, what: 'the rebuild under way' });
    const second = await fetch(`${harness.base}/v1/projections/rebuild`, { method: 'POST', headers: harness.officer('ADMIN', 'H56') });
    expect(second.status).toBe(409);

    const during: ReturnType<typeof wholeLife>[] = [];
    const codes: string[] = [];
    while (!settled && during.length < 40) {
      codes.push(`H56.22-250107-${run}${String(during.length).padStart(2, '0')}`);
      const life = wholeLife(randomUUID(), codes[codes.length - 1]);
      during.push(life);
      await harness.publish(...life);
    }
    const response = await rebuild;
    expect(response.status).toBe(200);
    const report = (await response.json()) as RebuildReport;
    expect(during.length).toBeGreaterThan(0);
    // Up to 680 events arrived during the rebuild; on a loaded machine the live tables take a while.
    const missing = await harness.unprojected(during.flat(), 180_000);
    // Where the retired tables had any still missing: a range the rebuild skipped shows as its offsets.
    const retiredAt = await harness.db.query(`select topic, partition, "offset" from ${report.retiredSchema}.projected_events where event_id = any($1::uuid[]) order by 1, 2, 3`, [missing]);
    expect({ missing: missing.length, retiredAt }).toEqual({ missing: 0, retiredAt: [] });
    const facts = await harness.db.query(`select count(*)::int as n from projections.dossier_facts where code = any($1)`, [codes]);
    expect(facts[0].n).toBe(during.length);
    // The live tables applied some of them before the switch, and the switch took exactly their history.
    const appliedBefore = await harness.db.query(`select count(*)::int as n from ${report.retiredSchema}.dossier_facts where code = any($1)`, [codes]);
    expect(appliedBefore[0].n).toBeGreaterThan(0);
    expect(report.checksums).toEqual(await schemaChecksums(harness.db.manager, report.retiredSchema));
    // The newest retired tables stay for comparison; the earlier ones are gone.
    expect(await retiredSchemas()).toEqual([report.retiredSchema]);
    expect(schemasBefore).not.toContain(report.retiredSchema);
  }, 300_000);

  const retiredSchemas = async () =>
    ((await harness.db.query(`select nspname from pg_namespace where nspname like 'projections_retired_%' order by 1`)) as { nspname: string }[]).map((r) => r.nspname);

  it('refuses anyone but an administrator or an operator', async () => {
    for (const role of ['ANALYST', 'LEADER'] as const) expect((await fetch(`${harness.base}/v1/projections/rebuild`, { method: 'POST', headers: harness.officer(role, 'H56') })).status).toBe(403);
  });
});
