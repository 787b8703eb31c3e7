import { randomUUID } from 'node:crypto';
import { Topics } from '@motcua/contracts';
import { connectKafka } from '@motcua/messaging';
import { eventually, InProcessService, LocalKafka, startInProcessService, startLocalKafka, topicContents } from '@motcua/testing';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

/**
 * The event store is the outbox: with the broker down, intake keeps taking submissions and stays
 * in the load balancer (ready, Kafka degraded); when the broker returns, the relay publishes each
 * stored event once. A broker of this file's own, so stopping it disturbs no other test.
 */
describe('intake through a Kafka outage (its own broker)', () => {
  let kafka: LocalKafka;
  const apps: InProcessService[] = [];

  beforeAll(async () => {
    kafka = await startLocalKafka({ persistent: false, heap: '256m' });
    process.env['KAFKA_BROKERS'] = kafka.brokers.join(',');
  }, 180_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await kafka?.stop();
  }, 60_000);

  const start = async (prefix: string) => {
    const app = await startInProcessService(IntakeModule, {
      service: 'intake',
      config: IntakeConfig,
      isolate: { prefix },
      env: { APPLICANT_REF_KEY: 'outage-e2e-applicant-ref-key-0123456789' },
    });
    apps.push(app);
    return app;
  };
  const submit = async (h: InProcessService) => {
    const response = await fetch(`${h.base}/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...h.portal() },
      body: JSON.stringify({
        procedureCode: 'SAMPLE.LLTP.01',
        unit: 'H56.10',
        applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Nguyễn Văn An' },
        components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'ELECTRONIC', documentId: 'doc-1' }],
        delivery: 'ONLINE',
      }),
    });
    return { status: response.status, dossierId: ((await response.json()) as { dossierId: string }).dossierId };
  };
  const origin = (h: InProcessService) => h.base.replace(/\/v1$/, '');
  /** Every readiness status seen: a broker outage is every replica's, so none may be 503. */
  const seen: number[] = [];
  const health = async (h: InProcessService) => {
    const response = await fetch(`${origin(h)}/health/ready`);
    seen.push(response.status);
    return { status: response.status, body: (await response.json()) as { status: string; details: Record<string, { status: string }> } };
  };
  const brokerUp = async (h: InProcessService) => /^motcua_broker_up\{[^}]*\} (\d)/m.exec(await (await fetch(`${origin(h)}/metrics`)).text())?.[1];

  /** Each of these dossiers' stored events is on intake's topic exactly once. */
  const expectPublishedOnce = async (h: InProcessService, dossierIds: string[]) => {
    const { rows } = await h.db.query<{ event_id: string }>('select event_id from intake.events where stream_id = any($1::text[])', [dossierIds]);
    const stored = rows.map((r) => r.event_id).sort();
    const reader = connectKafka({ brokers: kafka.brokers, clientId: 'outage-e2e-reader' });
    const onTopic = await eventually(
      async () => (await topicContents(reader, Topics.intake)).map((e) => e.id).filter((id) => stored.includes(id)),
      (ids) => new Set(ids).size === stored.length,
      { timeoutMs: 120_000, intervalMs: 1_000, what: `${stored.length} events on ${Topics.intake}` },
    );
    expect(onTopic.sort()).toEqual(stored);
  };

  it('keeps taking submissions while the broker is down, ready with Kafka degraded, and publishes each event once when it returns', async () => {
    const h = await start('intake_outage_e2e');
    const before = await submit(h);
    expect(before.status).toBe(201);
    await eventually(() => health(h), (r) => r.status === 200 && r.body.status === 'ok', { timeoutMs: 60_000, what: 'ready with every component up' });

    await kafka.halt();
    const during = [];
    for (let i = 0; i < 5; i++) during.push(await submit(h));
    expect(during.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const degraded = await eventually(() => health(h), (r) => r.body.details?.['kafka']?.status === 'degraded', { timeoutMs: 60_000, what: 'Kafka reported degraded' });
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ status: 'degraded', details: { database: { status: 'up' } } });
    expect(await brokerUp(h)).toBe('0');

    await kafka.resume();
    await expectPublishedOnce(h, [before, ...during].map((r) => r.dossierId));
    await eventually(() => health(h), (r) => r.status === 200 && r.body.status === 'ok', { timeoutMs: 90_000, what: 'every component up again' });
    expect(await brokerUp(h)).toBe('1');
    expect(seen.filter((status) => status !== 200)).toEqual([]);
    // Closed while the broker is up: the next test takes it down again.
    await apps.splice(apps.indexOf(h), 1)[0].close();
  }, 400_000);

  it('starts while the broker is down, takes submissions, and publishes them once it returns', async () => {
    await kafka.halt();
    const h = await start('intake_cold_outage_e2e');
    const during = [await submit(h), await submit(h)];
    expect(during.map((r) => r.status)).toEqual([201, 201]);
    const ready = await eventually(() => health(h), (r) => r.body.details?.['kafka']?.status === 'degraded', { timeoutMs: 60_000, what: 'Kafka reported degraded' });
    expect(ready).toMatchObject({ status: 200, body: { status: 'degraded', details: { database: { status: 'up' }, kafka: { status: 'degraded' } } } });

    await kafka.resume();
    await expectPublishedOnce(h, during.map((r) => r.dossierId));
  }, 400_000);
});
