import { randomBytes } from 'node:crypto';
import { eventually } from '../eventually';
import { freePort } from '../infra/free-port';
import { createTestDatabase } from '../infra/test-database';
import { workspaceRoot } from '../infra/workspace';
import { discoverServices } from './services';
import { SupervisedService, superviseService } from './supervised-service';

/** What `npm start` does for each service: a service killed outright comes back by itself. */
describe('a supervised service process', () => {
  let supervised: SupervisedService | undefined;
  const lines: string[] = [];
  afterAll(() => supervised?.stop(), 30_000);

  it('is restarted after SIGKILL, says so in its log prefix, and answers /health/ready again', async () => {
    const intake = discoverServices(workspaceRoot()).find((service) => service.name === 'intake');
    if (!intake) throw new Error('services/intake not found');
    const suffix = randomBytes(4).toString('hex');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: await createTestDatabase('supervised'),
      KAFKA_GROUP_NAMESPACE: `supervised-${suffix}`,
      JWT_SECRET: `supervised-jwt-${suffix}-0123456789abcdef`,
      API_KEYS: `test-portal:supervised-portal-${suffix}-0123456789`,
      APPLICANT_REF_KEY: `supervised-applicant-ref-${suffix}-0123456789`,
      LOG_LEVEL: 'warn',
    };
    const service = superviseService(intake, await freePort(), env, (line) => lines.push(line), { initialDelayMs: 200 });
    supervised = service;
    await service.ready(150_000);
    const first = service.pid();
    expect(first).toBeDefined();

    process.kill(first as number, 'SIGKILL');
    await eventually(async () => service.restarts, (n) => n === 1, { what: 'a restart' });
    await service.ready(150_000);
    expect(service.pid()).not.toBe(first);
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    expect(lines).toContainEqual(expect.stringMatching(/^\[intake\] exited \(SIGKILL\); restarting in [\d.]+ s as \[intake restart 1\]$/));

    await service.stop();
    const last = service.pid();
    expect(last).toBeUndefined();
    expect(service.restarts).toBe(1);
  }, 360_000);
});
