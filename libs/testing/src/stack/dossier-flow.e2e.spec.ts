import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from '../eventually';
import { Stack, startStack } from './stack-harness';

/**
 * The services as they run in production, one process each, talking only through Kafka: a portal
 * submits to intake, an officer receives, processing opens the case from intake's event, the
 * agencies hand it on, a supplement pauses and resumes it across both services, and the decision
 * closes withdrawal at the desk.
 * The run gets its own database and consumer groups, so the other tests cannot see its dossiers.
 */
describe('dossier flow across services (processes, real PostgreSQL and Kafka)', () => {
  let stack: Stack;
  // Simulated time from a Monday morning in office hours, a minute every two seconds, shared by
  // both services: the supplement wait below lasts working minutes, not the wall clock's evening,
  // and the morning's four hours outlast the services' start-up on a busy machine.
  beforeAll(async () => {
    stack = await startStack(['intake', 'processing'], { epoch: '2025-03-03T00:30:00.000Z', speed: 30 });
  }, 360_000);
  afterAll(() => stack.stop(), 30_000);

  const token = (role: string, unit: string) => stack.token(role, unit);
  const call = (service: string, method: string, path: string, headers: Record<string, string>, payload?: unknown) => stack.call(service, method, path, headers, payload);
  const portal = () => ({ 'x-api-key': stack.portalKey, 'idempotency-key': randomUUID() });

  it('takes a land-use transfer from the portal through three agencies, a supplement and a decision', async () => {
    // Land-use transfer is inter-agency: commune H56.22 → land registry office H56.40 → tax H56.50.
    const submitted = await call('intake', 'POST', '/dossiers', portal(), {
      procedureCode: 'SAMPLE.DD.01',
      unit: 'H56.22',
      applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Lê Thị Bình' },
      components: ['form', 'contract', 'certificate'].map((id) => ({ componentId: id, name: id, provenance: 'PAPER' })),
      delivery: 'COUNTER',
    });
    expect(submitted.status).toBe(201);
    const dossierId = String(submitted.body['dossierId']);
    const received = await call('intake', 'POST', `/dossiers/${dossierId}/receive`, token('RECEPTION_OFFICER', 'H56.22'));
    expect(received.status).toBe(200);

    const opened = await eventually(() => call('processing', 'GET', `/cases/${dossierId}`, token('PROCESSING_OFFICER', 'H56.22')), (r) => r.status === 200, {
      timeoutMs: 60_000,
      what: 'the case opened by processing from intake\'s DossierReceived',
    });
    expect(opened.body).toMatchObject({ status: 'OPEN', step: 1, agency: 'H56.22', dueAt: received.body['dueAt'] });

    expect((await call('processing', 'POST', `/cases/${dossierId}/assign`, token('LEADER', 'H56.22'), { department: 'dia-chinh', officerId: 'processing_officer-H56.22' })).status).toBe(200);
    expect((await call('processing', 'POST', `/cases/${dossierId}/hand-off`, token('PROCESSING_OFFICER', 'H56.22'))).body).toMatchObject({ fromAgency: 'H56.22', toAgency: 'H56.40', step: 2 });
    // The commune has handed the case on: it no longer acts on it.
    expect((await call('processing', 'POST', `/cases/${dossierId}/hand-off`, token('PROCESSING_OFFICER', 'H56.22'))).status).toBe(403);

    const asked = await call('processing', 'POST', `/cases/${dossierId}/supplement-requests`, token('PROCESSING_OFFICER', 'H56.40'), { missing: ['Mảnh trích đo địa chính'] });
    expect(asked.status).toBe(201);
    const requestId = String(asked.body['requestId']);
    const atDesk = await eventually(() => call('intake', 'GET', `/dossiers/${dossierId}`, token('RECEPTION_OFFICER', 'H56.22')), (r) => Boolean(r.body['awaitedSupplement']), {
      timeoutMs: 60_000,
      what: "processing's request noted at the desk",
    });
    expect(atDesk.body['awaitedSupplement']).toEqual({ requestId, missing: ['Mảnh trích đo địa chính'] });
    // The applicant comes back a few simulated working minutes later.
    await eventually(async () => stack.clock.now().getTime(), (now) => now >= Date.parse(String(asked.body['requestedAt'])) + 3 * 60_000, { what: 'three simulated minutes' });

    const brought = await call('intake', 'POST', `/dossiers/${dossierId}/supplements`, { 'x-api-key': stack.portalKey }, { components: [{ componentId: 'survey', name: 'Mảnh trích đo', provenance: 'PAPER' }] });
    expect(brought.body).toMatchObject({ requestId });
    const resumed = await eventually(() => call('processing', 'GET', `/cases/${dossierId}`, token('PROCESSING_OFFICER', 'H56.40')), (r) => r.body['status'] === 'OPEN', {
      timeoutMs: 60_000,
      what: 'the case resumed from intake\'s SupplementProvided',
    });
    // The simulated clock ran during the wait: the due date moved by the paused working time.
    expect(resumed.body['pausedWorkingMinutes']).toBeGreaterThanOrEqual(3);
    expect(Date.parse(String(resumed.body['dueAt']))).toBeGreaterThan(Date.parse(String(received.body['dueAt'])));
    expect(resumed.body['supplementRequests']).toBe(1);

    expect((await call('processing', 'POST', `/cases/${dossierId}/hand-off`, token('PROCESSING_OFFICER', 'H56.40'))).body).toMatchObject({ fromAgency: 'H56.40', toAgency: 'H56.50', step: 3 });
    const decided = await call('processing', 'POST', `/cases/${dossierId}/resolve`, token('LEADER', 'H56.50'), {
      outcome: 'APPROVED',
      resultDocuments: [{ documentId: 'gcn-0001', name: 'Giấy chứng nhận quyền sử dụng đất' }],
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ outcome: 'APPROVED', onTime: true });

    // The desk learns of the decision: withdrawal is closed.
    const withdrawal = await eventually(() => call('intake', 'POST', `/dossiers/${dossierId}/withdraw`, { 'x-api-key': stack.portalKey }, {}), (r) => r.status === 409, {
      timeoutMs: 60_000,
      what: 'withdrawal closed by the decision',
    });
    expect(withdrawal.body['code']).toBe('DOSSIER.CLOSED');

    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      const types = (await db.query<{ event_type: string }>('select event_type from processing.events where stream_id = $1 order by stream_version', [dossierId])).rows.map((r) => r.event_type);
      expect(types).toEqual([
        'CaseOpened', 'CaseAssigned', 'CaseAssigned', 'CaseHandedOff', 'CaseAssigned', 'SupplementRequested', 'ProcessingPaused',
        'ProcessingResumed', 'CaseHandedOff', 'CaseAssigned', 'DossierResolved',
      ]);
      const handOffs = await db.query<{ data: { fromAgency: string; toAgency: string; workingMinutesSpent: number } }>(
        `select data from processing.events where stream_id = $1 and event_type = 'CaseHandedOff' order by stream_version`,
        [dossierId],
      );
      expect(handOffs.rows.map((r) => [r.data.fromAgency, r.data.toAgency])).toEqual([['H56.22', 'H56.40'], ['H56.40', 'H56.50']]);
    } finally {
      await db.end();
    }
  });
});
