import { freePort } from '@motcua/testing';
import { ProjectionsHarness } from '../../testing/projections.harness';

describe('projections with Kafka away (its PostgreSQL, a broker address nothing listens on)', () => {
  const harness = new ProjectionsHarness();
  const brokers = process.env['KAFKA_BROKERS'];
  beforeAll(async () => {
    process.env['KAFKA_BROKERS'] = `127.0.0.1:${await freePort()}`;
    await harness.start();
  }, 120_000);
  afterAll(async () => {
    await harness.close();
    process.env['KAFKA_BROKERS'] = brokers;
  });

  it('starts, stays ready reporting Kafka degraded, and keeps serving lookups from PostgreSQL', async () => {
    const ready = await fetch(`${harness.base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(JSON.stringify(await ready.json())).toMatch(/kafka[^}]*degraded|degraded[^}]*kafka/);
    const lookup = await fetch(`${harness.base}/v1/dossiers/by-code/H56.22-250106-99999/timeline`, { headers: harness.portal() });
    expect(lookup.status).toBe(404);
    expect(await lookup.json()).toMatchObject({ code: 'DOSSIER.NOT_FOUND' });
  });

  it("answers the dashboard's stream health from what it knows, with lag and dead letters unknown (null), not an error", async () => {
    const started = Date.now();
    const response = await fetch(`${harness.base}/v1/projections/stream-health`, { headers: harness.officer('ANALYST', 'H56.22') });
    expect(response.status).toBe(200);
    // From the broker monitor's last probe, without a connection attempt of its own: kafkajs retries
    // one for tens of seconds, so even a loaded machine answers well within 10 s without it.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await response.json()).toMatchObject({ brokerUp: false, consumer: { ready: false, messages: 0 }, lag: null, deadLetters: null, indicatorTotalsQueued: expect.any(Number) });
  });
});
