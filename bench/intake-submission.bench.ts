import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServiceApp } from '@motcua/platform';
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
  try {
    for (let i = 0; i < 20; i++) await submitOne(i);
    const counted = await probe.measure(50, async () => {
      for (let i = 0; i < 50; i++) await submitOne(i);
    });
    process.stdout.write(`\nintake submission: ${counted.perUnit.toFixed(1)} statements and ${counted.commits.toFixed(1)} commits per submission (the relay's polling included)\n`);
    for (const [text, n] of counted.byStatement.slice(0, 14)) process.stdout.write(`  ${n.toFixed(2).padStart(6)}  ${text}\n`);
    const rows: Row[] = [];
    for (const clients of [1, 8, 32]) {
      const baseline = await closedLoop(clients, (n) => raw.submit(n));
      const ours = await closedLoop(clients, submitOne);
      rows.push({ case: `raw SQL, same rows, ${clients} clients`, ...baseline });
      rows.push({ case: `POST /v1/dossiers, ${clients} clients`, ...ours, baseline: baseline.events / baseline.seconds });
    }
    printTable('Intake online submission (one unit, one day: one dossier-code sequence)', rows);
  } finally {
    await raw.close();
    await app.close();
  }
}
