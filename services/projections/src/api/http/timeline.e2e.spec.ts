import { randomUUID } from 'node:crypto';
import { Topics } from '@motcua/contracts';
import { eventually } from '@motcua/testing';
import { wholeLife } from '../../testing/dossier-life.fixtures';
import { ProjectionsHarness } from '../../testing/projections.harness';

describe('projections over HTTP: the timeline by dossier code and the lag (real PostgreSQL and Kafka)', () => {
  const harness = new ProjectionsHarness();
  const id = randomUUID();
  const code = `H56.22-250106-${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
  beforeAll(async () => {
    await harness.start();
    const life = wholeLife(id, code);
    await harness.publish(...life);
    await harness.projected(life);
  }, 120_000);
  afterAll(() => harness.close());

  const get = (path: string, headers: Record<string, string>) => fetch(`${harness.base}/v1${path}`, { headers });

  it("answers a portal with the dossier's status, due date and every step in time order", async () => {
    const response = await get(`/dossiers/by-code/${code}/timeline`, harness.portal());
    expect(response.status).toBe(200);
    const body = (await response.json()) as { steps: { at: string; eventType: string }[] };
    expect(body).toMatchObject({ code, status: 'COMPLETED', procedureCode: '1.001612', dueAt: '2025-01-23T02:00:00.000Z', outcome: 'APPROVED' });
    expect(body.steps.map((s) => s.eventType).sort()).toEqual(
      ['DossierSubmitted', 'CaseAssigned', 'DossierReceived', 'SupplementRequested', 'ProcessingPaused', 'SupplementProvided', 'ProcessingResumed', 'DeadlineExtended', 'DossierResolved', 'ResultIssued', 'ResultDelivered', 'DossierCompleted'].sort(),
    );
    expect(body.steps.map((s) => s.at)).toEqual(body.steps.map((s) => s.at).sort());
    expect(body.steps[0]).toEqual({ at: '2025-01-06T01:00:00.000Z', status: 'SUBMITTED', eventType: 'DossierSubmitted', service: 'intake', actorRole: 'PORTAL' });
    expect(JSON.stringify(body)).not.toMatch(/applicant|officer-|leader-1|a{64}/);
  });

  it('answers another portal exactly as for an unknown code (a portal sees only the dossiers it submitted)', async () => {
    const theirs = await get(`/dossiers/by-code/${code}/timeline`, harness.portal('other'));
    const unknown = await get('/dossiers/by-code/H56.22-250106-99999/timeline', harness.portal('other'));
    expect(theirs.status).toBe(404);
    expect(theirs.headers.get('content-type')).toBe(unknown.headers.get('content-type'));
    const [theirBody, unknownBody] = [(await theirs.json()) as Record<string, unknown>, (await unknown.json()) as Record<string, unknown>];
    const { instance: _a, ...their } = theirBody;
    const { instance: _b, ...none } = unknownBody;
    expect(their).toEqual(none);
    expect(their).toMatchObject({ status: 404, code: 'DOSSIER.NOT_FOUND' });
  });

  it('serves officers of a unit the dossier passed through, refuses others with 403', async () => {
    expect((await get(`/dossiers/by-code/${code}/timeline`, harness.officer('PROCESSING_OFFICER', 'H56.10'))).status).toBe(200);
    const other = await get(`/dossiers/by-code/${code}/timeline`, harness.officer('RECEPTION_OFFICER', 'H56.99'));
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ code: 'AUTH.OTHER_UNIT' });
    expect((await get(`/dossiers/by-code/${code}/timeline`, harness.officer('ANALYST', 'H56.22'))).status).toBe(403);
    expect((await get(`/dossiers/by-code/${code}/timeline`, {})).status).toBe(401);
  });

  it('answers 404 problem+json for an unknown code and 400 naming the parameter for a malformed one', async () => {
    const unknown = await get('/dossiers/by-code/H56.22-250106-99999/timeline', harness.portal());
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await unknown.json()).toMatchObject({ status: 404, code: 'DOSSIER.NOT_FOUND' });
    const malformed = await get(`/dossiers/by-code/${encodeURIComponent("x' or 1=1")}/timeline`, harness.portal());
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await malformed.json()) as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ field: 'code' })]);
  });

  it('reports the lag per topic and partition, and the same as a gauge on /metrics beside the dossiers by status', async () => {
    expect((await get('/projections/lag', harness.portal())).status).toBe(403);
    const lag = await eventually(
      async () => (await (await get('/projections/lag', harness.officer('OPERATOR', 'H56'))).json()) as { partitions: { topic: string; storedOffset: number; highWatermark: number; lag: number }[]; total: number; indicatorTotalsQueued: number },
      (body) => body.partitions.some((p) => p.topic === Topics.issuance && p.storedOffset >= 0) && body.partitions.every((p) => p.lag === 0) && body.indicatorTotalsQueued === 0,
      { what: 'the read models and the indicator totals caught up', timeoutMs: 60_000 },
    );
    expect(new Set(lag.partitions.map((p) => p.topic))).toEqual(new Set(Object.values(Topics)));
    for (const p of lag.partitions) expect(p.lag).toBe(p.highWatermark - (p.storedOffset + 1));
    const metrics = await (await fetch(`${harness.base}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`motcua_projection_lag_messages\\{topic="${Topics.intake.replace(/\./g, '\\.')}",partition="0"[^}]*\\} 0`));
    expect(metrics).toMatch(/^motcua_indicator_totals_queued_dossiers(\{[^}]*\})? 0$/m);
    // The dossiers this file followed, counted by their furthest status.
    expect(metrics).toMatch(/^motcua_dossiers\{status="[A-Z_]+"[^}]*\} [1-9]\d*$/m);
  });
});
