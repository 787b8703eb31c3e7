import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PgDatabase } from '@motcua/event-store';
import { createServiceApp, DATABASE } from '@motcua/platform';
import { createTestDatabase } from '@motcua/testing';
import { IntakeConfig } from '../services/intake/src/intake.config';
import { IntakeModule } from '../services/intake/src/intake.module';
import { rawSubmissions } from './raw-submission';
import { StatementProbe } from './statement-probe';
import { percentile, printTable, Row, timed } from './stats';

const SECONDS_PER_CASE = Number(process.env['BENCH_SECONDS'] ?? 4);
const PORTAL_KEY = `bench-portal-${randomUUID()}`;

/** What a portal sends: one procedure, the form and the mandate uploaded to digitisation first. */
export const submission = (n: number) => ({
  procedureCode: 'SAMPLE.LLTP.01',
  unit: 'H56.10',
  applicant: { kind: 'INDIVIDUAL', identifier: `0380900${String(10000 + (n % 89999)).padStart(5, '0')}`, fullName: 'Nguyễn Văn An', phone: '0912345678' },
  components: [
    { componentId: 'form', name: 'Tờ khai', provenance: 'ELECTRONIC', documentId: randomUUID() },
    { componentId: 'mandate', name: 'Văn bản ủy quyền', provenance: 'ELECTRONIC', documentId: randomUUID() },
  ],
  delivery: 'ONLINE',
});

/** Each client submits one dossier after another, each under a new Idempotency-Key, for a fixed time. */
export async function closedLoop(clients: number, submitOne: (n: number) => Promise<void>) {
  const latencies: number[] = [];
  const deadline = Date.now() + SECONDS_PER_CASE * 1000;
  let n = 0;
  const { seconds } = await timed(() =>
    Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < deadline) {
          const start = process.hrtime.bigint();
          await submitOne(n++);
          latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
      }),
    ),
  );
  latencies.sort((a, b) => a - b);
  return { events: latencies.length, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/**
 * The service consumes other services' topics from their start: on a broker that already holds
 * events, the timing waits until that backlog is applied (the inbox stops growing), or a minute.
 */
async function untilConsumersIdle(db: PgDatabase): Promise<void> {
  const inboxRows = async () => Number((await db.query<{ n: string }>('select count(*) as n from intake.inbox')).rows[0].n);
  const deadline = Date.now() + 60_000;
  for (let last = -1, now = await inboxRows(); now !== last && Date.now() < deadline; last = now, now = await inboxRows()) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** Submissions stored since the last call, over the transactions that stored them. */
let counted = 0;
async function submissionsPerCommit(db: PgDatabase): Promise<number> {
  const { rows } = await db.query<{ events: string; transactions: string; last: string }>(
    `select count(*) as events, count(distinct transaction_id) as transactions, max(global_position) as last
     from intake.events where event_type = 'DossierSubmitted' and global_position > $1`,
    [counted],
  );
  counted = Number(rows[0].last ?? counted);
  return Number(rows[0].events) / Math.max(1, Number(rows[0].transactions));
}

/**
 * Online submissions over HTTP to intake in-process (its own database, the relay running), beside
 * the same rows written by plain SQL in the same run: what the service adds to its SQL.
 */
export async function benchIntakeSubmission(databaseUrl: string, kafkaBrokers: string[]): Promise<void> {
  const probe = new StatementProbe();
  process.env['DATABASE_URL'] = databaseUrl;
  const url = await createTestDatabase('bench_intake');
  Object.assign(process.env, {
    DATABASE_URL: url,
    KAFKA_BROKERS: kafkaBrokers.join(','),
    KAFKA_GROUP_NAMESPACE: `bench-${randomUUID().slice(0, 8)}`,
    JWT_SECRET: `bench-jwt-${randomUUID()}`,
    API_KEYS: `bench-portal:${PORTAL_KEY}`,
    APPLICANT_REF_KEY: 'bench-applicant-ref-key-0123456789abcdef',
    LOG_LEVEL: 'warn',
  });
  const app = await createServiceApp(IntakeModule, { service: 'intake', defaultPort: 0, config: IntakeConfig });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/v1`;
  const submitOne = async (n: number) => {
    const response = await fetch(`${base}/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': PORTAL_KEY, 'idempotency-key': randomUUID() },
      body: JSON.stringify(submission(n)),
    });
    if (response.status !== 201) throw new Error(`submission answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  const raw = await rawSubmissions(url);
  const db = app.get<PgDatabase>(DATABASE);
  try {
    await untilConsumersIdle(db);
    for (let i = 0; i < 20; i++) await submitOne(i);
    const serial = await timed(() => probe.measure(50, async () => {
      for (let i = 0; i < 50; i++) await submitOne(i);
    }));
    const counted = serial.result;
    const wall = (serial.seconds * 1000) / 50;
    process.stdout.write(
      `\nintake submission, one client: ${wall.toFixed(1)} ms each, of which ${counted.sqlMs.toFixed(1)} ms waiting on ${counted.perUnit.toFixed(1)} statements and ${counted.commits.toFixed(1)} commits (the relay's polling included)\n`,
    );
    for (const [text, n, ms] of counted.byStatement.slice(0, 14)) process.stdout.write(`  ${n.toFixed(2).padStart(6)} × ${ms.toFixed(2).padStart(6)} ms  ${text}\n`);
    const rows: Row[] = [];
    const perCommit: string[] = [];
    for (const clients of [1, 8, 32]) {
      const baseline = await closedLoop(clients, (n) => raw.submit(n));
      let ours!: Awaited<ReturnType<typeof closedLoop>>;
      const during = await probe.measure(1, async () => {
        ours = await closedLoop(clients, submitOne);
      });
      if (process.env['BENCH_VERBOSE']) {
        process.stdout.write(`${clients} clients, ${ours.events} submissions: statements (count, total ms waited)\n`);
        for (const [text, n, ms] of during.byStatement.slice(0, 12)) process.stdout.write(`  ${String(n).padStart(6)} ${ms.toFixed(0).padStart(8)}  ${text}\n`);
      }
      rows.push({ case: `raw SQL, same rows, ${clients} clients`, ...baseline });
      rows.push({ case: `POST /v1/dossiers, ${clients} clients`, ...ours, baseline: baseline.events / baseline.seconds });
      perCommit.push(`${clients} clients: ${(await submissionsPerCommit(db)).toFixed(1)}`);
    }
    printTable('Intake online submission (one unit, one day: one dossier-code sequence)', rows);
    process.stdout.write(`submissions per commit: ${perCommit.join(', ')}\n`);
  } finally {
    await raw.close();
    await app.close();
  }
}
