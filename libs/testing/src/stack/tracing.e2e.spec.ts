import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from '../eventually';
import { OtlpReceiver, ReceivedSpan } from './otlp-receiver';
import { Stack, startStack } from './stack-harness';

const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

/**
 * One trace from a request to the service that reacts to it, though the event crosses Kafka
 * later, from the relay: the request's trace context is stored with the event, the relay's publish
 * continues it and sends it as `traceparent`, and the consuming service's handling continues it.
 * The services run as processes (tracing patches each process's modules), exporting to a tiny
 * OTLP/HTTP receiver in this test when they stop.
 */
describe('traces across Kafka (processes, real PostgreSQL and Kafka, OTLP/HTTP export)', () => {
  const receiver = new OtlpReceiver();
  let stack: Stack;
  let db: Client;
  beforeAll(async () => {
    const endpoint = await receiver.start();
    stack = await startStack(['intake', 'processing'], {
      epoch: '2025-03-03T00:30:00.000Z',
      speed: 60,
      // No export on a timer during the test: the spans arrive because the services flush them as they stop.
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '600000', OTEL_BSP_MAX_QUEUE_SIZE: '50000', OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '50000' },
    });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  }, 360_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    await receiver.stop();
  }, 30_000);

  const path = (span: ReceivedSpan) => String(span.attributes['url.path'] ?? span.attributes['http.target'] ?? '');

  it("follows a reception from intake's HTTP request through its relay's publish into processing's handling", async () => {
    const submitted = await stack.call('intake', 'POST', '/dossiers', { 'x-api-key': stack.portalKey, 'idempotency-key': randomUUID() }, {
      procedureCode: 'SAMPLE.DD.01',
      unit: 'H56.22',
      applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Lê Thị Bình' },
      components: ['form', 'contract', 'certificate'].map((id) => ({ componentId: id, name: id, provenance: 'PAPER' })),
      delivery: 'COUNTER',
    });
    expect(submitted.status).toBe(201);
    const dossierId = String(submitted.body['dossierId']);
    expect((await stack.call('intake', 'POST', `/dossiers/${dossierId}/receive`, stack.token('RECEPTION_OFFICER', 'H56.22'))).status).toBe(200);
    const { rows } = await db.query<{ event_id: string; metadata: { traceparent?: string } }>(
      `select event_id, metadata from intake.events where stream_id = $1 and event_type = 'DossierReceived'`,
      [dossierId],
    );
    const [received] = rows;
    expect(received.metadata.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);

    // What processing appended in reaction stores the trace on, for its own relay.
    const opened = await eventually(
      async () => (await db.query<{ metadata: { traceparent?: string } }>(`select metadata from processing.events where stream_id = $1 order by stream_version limit 1`, [dossierId])).rows,
      (found) => found.length > 0,
      { timeoutMs: 60_000, what: 'the case processing opened from DossierReceived' },
    );
    expect(receiver.spans).toEqual([]);
    // Each service flushes its spans as it stops, after its consumers: time for that on a busy machine.
    await stack.stop(60_000);

    const spans = () => receiver.spans;
    const consumed = spans().find((s) => s.service === 'processing' && s.kind === CONSUMER && s.attributes['messaging.message.id'] === received.event_id);
    const request = spans().find((s) => s.service === 'intake' && s.kind === SERVER && path(s).endsWith(`/dossiers/${dossierId}/receive`));
    const published = spans().find((s) => s.service === 'intake' && s.kind === PRODUCER && s.attributes['messaging.message.id'] === received.event_id);
    expect(consumed).toBeDefined();
    expect(request).toBeDefined();
    expect(published).toBeDefined();
    expect(published?.traceId).toBe(request?.traceId);
    expect(consumed?.traceId).toBe(request?.traceId);
    // The relay's publish is the consumer's parent: the chain is whole, not merely the same trace.
    expect(consumed?.parentSpanId).toBe(published?.spanId);
    expect(opened[0].metadata.traceparent).toContain(String(request?.traceId));
  }, 180_000);
});
