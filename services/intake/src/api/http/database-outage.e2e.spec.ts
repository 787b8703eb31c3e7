import { Client } from 'pg';
import { eventually, InProcessService, startInProcessService } from '@motcua/testing';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

/**
 * Without PostgreSQL an instance can take no write, so it is not ready (503), unlike a Kafka
 * outage. Its own database is closed to connections for the outage; the shared server, and every
 * other test's database on it, go on.
 */
describe('intake readiness through a PostgreSQL outage (its own database)', () => {
  let h: InProcessService;
  let admin: Client;
  let database: string;

  beforeAll(async () => {
    h = await startInProcessService(IntakeModule, {
      service: 'intake',
      config: IntakeConfig,
      isolate: { prefix: 'intake_db_outage_e2e' },
      env: { APPLICANT_REF_KEY: 'db-outage-e2e-applicant-ref-key-0123456789' },
    });
    const url = new URL(String(process.env['DATABASE_URL']));
    database = url.pathname.slice(1);
    url.pathname = '/postgres';
    admin = new Client({ connectionString: url.toString() });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.query(`alter database "${database}" with allow_connections true`).catch(() => undefined);
    await admin?.end();
    await h?.close();
  });

  const ready = async () => {
    const response = await fetch(`${h.base.replace(/\/v1$/, '')}/health/ready`);
    return { status: response.status, body: (await response.json()) as { status: string; details: Record<string, { status: string }> } };
  };

  it('is not ready (503, database down) while its database refuses connections, and ready again after', async () => {
    await eventually(ready, (r) => r.status === 200, { timeoutMs: 60_000, what: 'ready before the outage' });

    await admin.query(`alter database "${database}" with allow_connections false`);
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
    const down = await eventually(ready, (r) => r.status === 503, { timeoutMs: 30_000, what: 'not ready during the outage' });
    expect(down.body).toMatchObject({ status: 'error', details: { database: { status: 'down' } } });

    await admin.query(`alter database "${database}" with allow_connections true`);
    const back = await eventually(ready, (r) => r.status === 200, { timeoutMs: 60_000, what: 'ready after the outage' });
    expect(back.body.details['database']).toEqual({ status: 'up' });
  }, 180_000);
});
