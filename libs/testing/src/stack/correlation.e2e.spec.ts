import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from '../eventually';
import { Stack, startStack } from './stack-harness';

interface StoredEvent {
  event_id: string;
  event_type: string;
  metadata: { correlationId?: string; causationId?: string };
}

/**
 * One id follows a request through every hop: the caller's X-Correlation-Id is stored with the
 * events the request appended, published with them, restored by the consuming service, stamped on
 * the events it appends in reaction (caused by the event it consumed) and on its log lines.
 */
describe('correlation ids across services (processes, real PostgreSQL and Kafka)', () => {
  let stack: Stack;
  let db: Client;
  beforeAll(async () => {
    stack = await startStack(['intake', 'processing'], { epoch: '2025-03-03T00:30:00.000Z', speed: 60, env: { LOG_LEVEL: 'debug' } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  }, 360_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  }, 30_000);

  const events = async (schema: string, streamId: string) =>
    (await db.query<StoredEvent>(`select event_id, event_type, metadata from ${schema}.events where stream_id = $1 order by stream_version`, [streamId])).rows;

  it('carries the caller\'s correlation id from intake\'s request into processing\'s events and log lines', async () => {
    const submission = `portal-submission-${randomUUID()}`;
    const submitted = await stack.call('intake', 'POST', '/dossiers', { 'x-api-key': stack.portalKey, 'idempotency-key': randomUUID(), 'x-correlation-id': submission }, {
      procedureCode: 'SAMPLE.DD.01',
      unit: 'H56.22',
      applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Lê Thị Bình' },
      components: ['form', 'contract', 'certificate'].map((id) => ({ componentId: id, name: id, provenance: 'PAPER' })),
      delivery: 'COUNTER',
    });
    expect(submitted.status).toBe(201);
    const dossierId = String(submitted.body['dossierId']);
    expect((await events('intake', dossierId)).map((e) => e.metadata.correlationId)).toEqual([submission]);

    // A request without the header is correlated by its X-Request-Id.
    const reception = `desk-${randomUUID()}`;
    expect((await stack.call('intake', 'POST', `/dossiers/${dossierId}/receive`, { ...stack.token('RECEPTION_OFFICER', 'H56.22'), 'x-request-id': reception })).status).toBe(200);
    const received = (await events('intake', dossierId)).find((e) => e.event_type === 'DossierReceived');
    expect(received?.metadata.correlationId).toBe(reception);

    const opened = await eventually(() => events('processing', dossierId), (rows) => rows.length > 0, { timeoutMs: 60_000, what: 'the case processing opened from DossierReceived' });
    expect(opened[0].event_type).toBe('CaseOpened');
    for (const { metadata } of opened) expect(metadata).toMatchObject({ correlationId: reception, causationId: received?.event_id });
    const consuming = stack.output().filter((line) => line.startsWith('[processing] ') && line.includes(String(received?.event_id)));
    expect(consuming.length).toBeGreaterThan(0);
    for (const line of consuming) expect(JSON.parse(line.slice('[processing] '.length))).toMatchObject({ correlationId: reception });
    // The caller is told which id to quote: its own, or the one made for it.
    expect((await fetch(`${stack.url('intake')}/health/live`, { headers: { 'x-correlation-id': reception } })).headers.get('x-correlation-id')).toBe(reception);
    expect((await fetch(`${stack.url('intake')}/health/live`)).headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    const request = stack.output().filter((line) => line.startsWith('[intake] ') && line.includes(`/dossiers/${dossierId}/receive`));
    expect(request.map((line) => JSON.parse(line.slice('[intake] '.length)))).toEqual([expect.objectContaining({ correlationId: reception, msg: 'request completed' })]);
  });
});
