import { randomBytes, randomUUID } from 'node:crypto';
import { mintDevToken } from '@motcua/platform';
import { Client } from 'pg';
import { eventually } from '../eventually';
import { freePort } from '../infra/free-port';
import { createTestDatabase } from '../infra/test-database';
import { workspaceRoot } from '../infra/workspace';
import { startServiceProcess, RunningService } from './service-process';
import { discoverServices } from './services';

/**
 * The services as they run in production, one process each, talking only through Kafka: a portal
 * submits to intake, an officer receives, and processing opens the case from intake's event.
 * The run gets its own database and consumer groups, so the other tests cannot see its dossiers.
 */
describe('dossier flow across services (processes, real PostgreSQL and Kafka)', () => {
  const suffix = randomBytes(4).toString('hex');
  const secret = `e2e-jwt-secret-${suffix}-0123456789abcdef`;
  const portalKey = `e2e-portal-key-${suffix}`;
  const services: RunningService[] = [];
  const output: string[] = [];
  let databaseUrl: string;
  const url = (name: string) => services.find((s) => s.name === name)?.url ?? '';

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('motcua_e2e');

    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: secret,
      API_KEYS: `e2e-portal:${portalKey}`,
      APPLICANT_REF_KEY: `e2e-applicant-ref-key-${suffix}-0123456789`,
      KAFKA_GROUP_NAMESPACE: `e2e-${suffix}`,
      DEADLINE_CHECK_INTERVAL_MS: '3600000',
      LOG_LEVEL: 'warn',
    };
    for (const service of discoverServices(workspaceRoot()).filter((s) => ['intake', 'processing'].includes(s.name))) {
      services.push(startServiceProcess(service, await freePort(), env, (line) => output.push(`[${service.name}] ${line}`)));
    }
    try {
      await Promise.all(services.map((s) => s.ready(150_000)));
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${output.slice(-30).join('\n')}`);
    }
  }, 180_000);

  afterAll(() => Promise.all(services.map((s) => s.stop())), 30_000);

  it('submits at intake, receives at the desk, and processing opens the case from Kafka', async () => {
    const submitted = await fetch(`${url('intake')}/v1/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': portalKey, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        procedureCode: 'SAMPLE.DD.01',
        unit: 'H56.22',
        applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Lê Thị Bình' },
        components: ['form', 'contract', 'certificate'].map((id) => ({ componentId: id, name: id, provenance: 'PAPER' })),
        delivery: 'COUNTER',
      }),
    });
    expect(submitted.status).toBe(201);
    const { dossierId } = (await submitted.json()) as { dossierId: string };

    const officer = mintDevToken({ sub: 'reception-e2e', role: 'RECEPTION_OFFICER', unit: 'H56.22' }, secret);
    const received = await fetch(`${url('intake')}/v1/dossiers/${dossierId}/receive`, { method: 'POST', headers: { authorization: `Bearer ${officer}` } });
    expect(received.status).toBe(200);

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const types = await eventually(
        async () => (await db.query<{ event_type: string }>('select event_type from processing.events where stream_id = $1 order by stream_version', [dossierId])).rows.map((r) => r.event_type),
        (rows) => rows.length >= 2,
        { timeoutMs: 60_000, what: 'the case opened by processing' },
      );
      expect(types).toEqual(['CaseOpened', 'CaseAssigned']);
      const assigned = await db.query<{ data: { agency: string; step: number } }>(`select data from processing.events where stream_id = $1 and event_type = 'CaseAssigned'`, [dossierId]);
      // Land-use transfer is inter-agency: the commune is the first agency.
      expect(assigned.rows[0].data).toMatchObject({ agency: 'H56.22', step: 1 });
    } finally {
      await db.end();
    }
  });
});
