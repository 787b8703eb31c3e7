import { randomInt } from 'node:crypto';
import { PgDatabase, toRecordedEvent, type EventRow } from '@motcua/event-store';
import { startStack, type Stack } from '../libs/testing/src/stack/stack-harness';
import { publishedIntakeEvent } from '../services/intake/src/application/intake-relay';
import { E2eCalls } from './e2e-calls';
import { kafkaRoundTrips } from './e2e-kafka-round-trip';
import { watchOldestWriter } from './e2e-oldest-writer';
import { Lifecycle, lifecycleDriver, SERVICE_CENTRE } from './e2e-lifecycle';
import { closedLoop, httpFloor } from './e2e-load';
import { printEndToEnd } from './e2e-report';
import { watchStatistics } from './e2e-statistics-watch';
import { watchDossierReceived } from './e2e-topic-watch';

const LIFECYCLES = Number(process.env['BENCH_E2E_LIFECYCLES'] ?? 200);
const CLIENTS = Number(process.env['BENCH_E2E_CLIENTS'] ?? 16);
const WARM_UP = 3;
const SERVICES = ['intake', 'processing', 'payment', 'payment-platform', 'digitisation', 'issuance', 'projections'];

/**
 * Whole dossier lives through every service's REST API, each service its own process with its own
 * database schema and consumer groups, on the real clock (speed 1) from 07:30 of a Monday of
 * 2025–2035 on which the broker's topics hold no dossier yet (see `stackOnAnUnusedDay`). Beside
 * them, in the same run: the same HTTP calls against /health/live, and raw Kafka round trips of a
 * DossierReceived's size; and when each DossierReceived reached intake's topic, to split the
 * statistics' delay between intake's relay and the projections.
 */
export async function benchEndToEnd(databaseUrl: string, kafkaBrokers: string[]): Promise<void> {
  Object.assign(process.env, { DATABASE_URL: databaseUrl, KAFKA_BROKERS: kafkaBrokers.join(',') });
  const { stack, day, calls, lifecycle } = await stackOnAnUnusedDay();
  try {
    const bytes = await dossierReceivedBytes(stack.databaseUrl);
    const kafka = await kafkaRoundTrips(kafkaBrokers, bytes);
    const idle = await kafka.measure(100);
    const topic = await watchDossierReceived(kafkaBrokers);
    const watcher = watchStatistics(stack, day);
    const writers = watchOldestWriter(stack.databaseUrl);
    kafka.startUnderLoad();
    const load = await closedLoop(LIFECYCLES, CLIENTS, lifecycle);
    const underLoad = await kafka.stopUnderLoad();
    const oldestWriter = await writers.stop();
    await watcher.stop(load.done.map((l) => l.code));
    await topic.stop();
    const floor = await httpFloor(stack, load.done.map((l: Lifecycle) => l.trace), CLIENTS);
    await kafka.close();
    printEndToEnd({ lifecycles: LIFECYCLES, clients: CLIENTS, load, floor, watcher, onTopic: topic.arrived, kafka: { bytes, idle, underLoad }, oldestWriter, serverErrors: calls.serverErrors });
  } finally {
    await stack.stop();
  }
}

/**
 * Dossier codes are the unit, the date and a number of the day, so on a broker whose topics hold
 * an earlier run's dossiers of the same day, two dossiers share each code and the code lookups
 * would find the earlier one. After the warm-up lives, once the projections hold all the topics
 * held, the day must have no dossier but them; else the stack starts again on another Monday.
 */
async function stackOnAnUnusedDay() {
  for (let attempt = 1; ; attempt++) {
    const monday = new Date(Date.parse('2025-03-10T00:30:00.000Z') + randomInt(540) * 7 * 86_400_000);
    const day = monday.toISOString().slice(0, 10);
    const booted = Date.now();
    const stack = await startStack(SERVICES, { epoch: monday.toISOString(), speed: 1 });
    process.stdout.write(`\nend to end: ${SERVICES.length} service processes ready in ${((Date.now() - booted) / 1000).toFixed(0)} s; simulated day ${day}\n`);
    const calls = new E2eCalls(stack);
    const lifecycle = lifecycleDriver(stack, calls);
    try {
      for (let i = 0; i < WARM_UP; i++) await lifecycle(LIFECYCLES + i);
      await projectionsCaughtUp(stack);
      const earlier = (await dossiersOfTheDay(stack.databaseUrl, day)) - WARM_UP;
      if (earlier === 0) return { stack, day, calls, lifecycle };
      process.stdout.write(`the topics already hold ${earlier} dossiers of ${day} at ${SERVICE_CENTRE}: another day\n`);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    await stack.stop();
    if (attempt === 3) throw new Error('three Mondays in a row already used on this broker');
  }
}

/** The warm-up lives and whatever a shared broker's topics held before are in the read models. */
async function projectionsCaughtUp(stack: Stack): Promise<void> {
  const operator = stack.token('OPERATOR', 'H56');
  const deadline = Date.now() + 300_000;
  for (;;) {
    const lag = await stack.call('projections', 'GET', '/projections/lag', operator);
    if (lag.status === 200 && lag.body['total'] === 0) return;
    if (Date.now() > deadline) throw new Error(`projections still behind after 5 minutes: ${JSON.stringify(lag.body).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function dossiersOfTheDay(databaseUrl: string, day: string): Promise<number> {
  const db = PgDatabase.connect(databaseUrl, { max: 1 });
  try {
    const prefix = `${SERVICE_CENTRE}-${day.slice(2).replace(/-/g, '')}-%`;
    return Number((await db.query<{ n: string }>('select count(*) as n from projections.dossier_facts where code like $1', [prefix])).rows[0].n);
  } finally {
    await db.pool.end();
  }
}

/** Bytes of one warm-up dossier's DossierReceived as intake's relay publishes it. */
async function dossierReceivedBytes(databaseUrl: string): Promise<number> {
  const db = PgDatabase.connect(databaseUrl, { max: 1 });
  try {
    const { rows } = await db.query<EventRow>(`select * from intake.events where event_type = 'DossierReceived' order by global_position limit 1`);
    const message = publishedIntakeEvent(toRecordedEvent(rows[0]), 'motcua/intake');
    return Buffer.byteLength(message?.value ?? '');
  } finally {
    await db.pool.end();
  }
}
