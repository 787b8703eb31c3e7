import { randomUUID } from 'node:crypto';
import { Topics } from '@motcua/contracts';
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
    const retired = await schemaChecksums(manager, report.retiredSchema);
    expect(await schemaChecksums(manager, 'projections')).toEqual(retired);
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

  it('refuses anyone but an administrator', async () => {
    expect((await fetch(`${harness.base}/v1/projections/rebuild`, { method: 'POST', headers: harness.officer('OPERATOR', 'H56') })).status).toBe(403);
  });
});
