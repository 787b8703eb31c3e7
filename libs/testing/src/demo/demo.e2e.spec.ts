import type { RunningKafka } from '../infra/kafka';
import { startOwnBroker } from './own-broker';
import { formatHeadline } from './headline';
import { DemoOutcome, runDemo } from './run-demo';

/**
 * The demo workload at a small scale, through the entry point `npm run demo` uses: a few hundred
 * dossiers through every service, each a process on the accelerated clock, then the generator's
 * indicators beside the projections', month by month and unit by unit. They agree exactly.
 */
describe('the demo workload at a small scale (every service as a process, real PostgreSQL and Kafka)', () => {
  let broker: RunningKafka | undefined;
  let outcome: DemoOutcome;
  const run = new AbortController();

  beforeAll(async () => {
    broker = await startOwnBroker();
    outcome = await runDemo({ scale: 0.008, seed: 2025, env: { KAFKA_BROKERS: broker.brokers.join(',') }, log: (line) => process.stderr.write(`${line}\n`), signal: run.signal });
    if (outcome.exitCode !== 0) process.stderr.write(`${outcome.report}\n`);
    // Its own broker (up to 2 min), seven services ready (up to 5 min), the paced drive and the catch-up.
  }, 1_200_000);
  // A run that outlived its hook stops its services here rather than loading the tests after it.
  afterAll(async () => {
    run.abort();
    await broker?.stop();
  }, 60_000);

  it('drives every planned dossier without an unexpected answer', () => {
    expect(outcome.failures).toEqual([]);
    expect(outcome.records).toHaveLength(358);
  });

  it('finds every indicator of every month and unit as the generator knows it', () => {
    expect(outcome.differences).toBe(0);
    expect(outcome.exitCode).toBe(0);
  });

  it('generates the seeds’ shape, not a degenerate workload', () => {
    const { headline } = outcome;
    process.stderr.write(`demo e2e: ${formatHeadline(headline)}; the driver fell behind the clock by ${outcome.behindHours.toFixed(1)} h at most\n`);
    expect(headline.online).toBeGreaterThan(0.5);
    expect(headline.online).toBeLessThan(0.72);
    // The on-time share is not judged here: it measures how well the machine kept pace with the
    // accelerated clock (a driver behind it decides late what was planned on time), not the
    // system. The plan's own timing is the plan spec's; the on-time indicator as the projections
    // compute it is the reconciliation's, exactly, from the instants the services answered.
    expect(headline.digitised).toBeGreaterThan(0.85);
    expect(headline.eResults).toBeGreaterThan(0.85);
    expect(headline.reuse).toBeGreaterThan(0.35);
    expect(new Set(outcome.records.map((d) => d.unit)).size).toBeGreaterThanOrEqual(4);
    expect(outcome.records.filter((d) => d.rejectedAt !== null || d.withdrawnAt !== null || d.supplementRequests.length > 0).length).toBeGreaterThan(0);
  });
});
