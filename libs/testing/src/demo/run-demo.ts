import { eventually } from '../eventually';
import { Stack, startStack } from '../stack/stack-harness';
import type { DemoDossier } from './demo-dossier';
import { collectRecord } from './drive/collect-record';
import { DemoClient } from './drive/demo-client';
import { driveWorkload } from './drive/drive-workload';
import { untilSimulated } from './drive/pacing';
import { readCatalogue } from './drive/read-catalogue';
import { fetchStatistics, formatReconciliation, groundTruth, reconcile } from './ground-truth';
import { formatHeadline, Headline, headlineOf } from './headline';
import { planWorkload } from './plan/plan-workload';
import { SIMULATION } from './plan/simulated-time';

export const DEMO_SERVICES = ['intake', 'processing', 'payment', 'payment-platform', 'digitisation', 'issuance', 'projections'];
/** 2025-01-01 00:00 in Hà Nội: the simulated clock reads it once the services are up. */
export const DEMO_EPOCH = '2024-12-31T17:00:00.000Z';

export interface DemoOptions {
  scale: number;
  seed: number;
  /** CLOCK_SPEED; by default chosen from the scale so the run keeps up. */
  speed?: number;
  concurrency?: number;
  /** Real time given to the services to start before the simulated clock reaches the epoch. */
  startupAllowanceMs?: number;
  /** The services' environment over this process's (KAFKA_BROKERS of a broker of the run's own). */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Stops the services at once when aborted (a test that gave up on the run), so none outlives it. */
  signal?: AbortSignal;
}

export interface DemoOutcome {
  exitCode: 0 | 1;
  records: DemoDossier[];
  headline: Headline;
  differences: number;
  failures: string[];
  /** The most the driver fell behind the clock (simulated hours): a busy machine decides late what was planned on time. */
  behindHours: number;
  report: string;
}

/** Real seconds the run is given: a few minutes for a small scale, half a second a dossier beyond. */
export function speedFor(dossiers: number): number {
  const simulatedSeconds = (SIMULATION.end - Date.parse(DEMO_EPOCH)) / 1000;
  return Math.round(simulatedSeconds / Math.max(150, dossiers * 0.5));
}

/**
 * The demo workload: every service started on the accelerated clock, the planned dossiers driven
 * through their REST APIs, then every indicator of every month and unit as the generator knows it
 * beside the projections' own. Exit code 1 on any difference or any unexpected answer.
 */
export async function runDemo(options: DemoOptions): Promise<DemoOutcome> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const speed = options.speed ?? speedFor(Math.round(44_740 * options.scale));
  const realStart = new Date(Date.now() + (options.startupAllowanceMs ?? 90_000));
  log(`demo: starting ${DEMO_SERVICES.length} services, clock ×${speed} from 2025-01-01 00:00 (Hà Nội)`);
  // Seven services starting at once on a small, busy machine may take minutes; a stack ready
  // after the allowance starts behind the clock and catches up (the progress line shows by how much).
  const stack = await startStack(DEMO_SERVICES, { epoch: DEMO_EPOCH, speed, realStart, env: options.env });
  log(`demo: services ready ${((Date.now() - realStart.getTime()) / 1000).toFixed(0)} s from the clock's start at the epoch`);
  const abandon = () => void stack.stop();
  options.signal?.addEventListener('abort', abandon, { once: true });
  try {
    return await drive(stack, speed, options, log);
  } finally {
    options.signal?.removeEventListener('abort', abandon);
    await stack.stop();
  }
}

async function drive(stack: Stack, speed: number, options: DemoOptions, log: (line: string) => void): Promise<DemoOutcome> {
  const client = new DemoClient(stack, options.concurrency ?? 16);
  const catalogue = await readCatalogue(client);
  const plan = planWorkload(catalogue, { scale: options.scale, seed: options.seed });
  log(`demo: ${plan.length} dossiers planned (seed ${options.seed}); services up, clock at ${stack.clock.now().toISOString()}`);
  const driven = await driveWorkload(client, catalogue, plan, { speed, log });
  const failures = driven.filter((d) => d.failure).map((d) => `dossier #${d.plan.index}: ${d.failure}`);

  await untilSimulated(stack.clock, speed, SIMULATION.end);
  const admin = stack.token('ADMIN', 'H56');
  await caughtUp(stack, admin);
  // The client bounds the requests in flight; the records keep the plan's order.
  const records: DemoDossier[] = await Promise.all(driven.filter((x) => x.dossierId).map((d) => collectRecord(client, catalogue, d)));

  const asOf = stack.clock.now();
  const truth = groundTruth(records, { from: SIMULATION.from, to: SIMULATION.to, asOf });
  const computed = await fetchStatistics(stack.url('projections'), admin, { from: SIMULATION.from, to: SIMULATION.to });
  const reconciliation = reconcile(truth, computed);
  const headline = headlineOf(records);
  const behindHours = driven.reduce((most, d) => Math.max(most, d.behindMs), 0) / 3_600_000;
  const report = [
    formatReconciliation(reconciliation),
    '',
    `as generated: ${formatHeadline(headline)}`,
    `the driver fell behind the clock by ${behindHours.toFixed(1)} h at most${behindHours > 24 ? ': decisions planned on time were taken late, and the on-time share shows it' : ''}`,
    `differences: ${reconciliation.differences}; unexpected answers: ${failures.length}`,
    ...failures.slice(0, 50),
  ].join('\n');
  const exitCode = reconciliation.differences === 0 && failures.length === 0 && records.length === plan.length ? 0 : 1;
  return { exitCode, records, headline, differences: reconciliation.differences, failures, behindHours, report };
}

/** The projections have consumed everything the services published. */
async function caughtUp(stack: Stack, admin: Record<string, string>): Promise<void> {
  await eventually(
    () => stack.call('projections', 'GET', '/projections/lag', admin),
    (r) => r.status === 200 && (r.body['partitions'] as { lag: number }[]).every((p) => p.lag === 0),
    { timeoutMs: 300_000, intervalMs: 500, what: 'the projections caught up (GET /v1/projections/lag all zero)' },
  );
}
