import { randomBytes, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { eventually } from '../eventually';
import { Stack, StackCall, startStack } from './stack-harness';

const KAFKA = { timeoutMs: 90_000 };

/**
 * The 2025 reform through REST, as the services run in production: three communes merged into a
 * new one while their dossiers are in every state. Afterwards each dossier is where it should be
 * (moved once, or kept by the unit that finished it), the successor's officers finish one, the
 * merged units' officers keep access only for the transition window, a portal naming an old
 * commune is told the successor, old codes still resolve, and the statistics by old and new unit
 * add up.
 */
describe('reorganisation of units across services (processes, real PostgreSQL and Kafka)', () => {
  let stack: Stack;
  let db: Client;
  // A Monday morning, a simulated minute a second: the transition window below lasts minutes.
  beforeAll(async () => {
    stack = await startStack(['intake', 'processing', 'projections'], { epoch: '2025-06-30T01:30:00.000Z', speed: 60 });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  }, 360_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  }, 30_000);

  const tag = randomBytes(3).toString('hex').toUpperCase();
  const [A, B, C, S] = ['A', 'B', 'C', 'S'].map((x) => `E2E.R${tag}${x}`);
  const procedure = `E2E.RP.${tag}`;
  const admin = () => stack.token('ADMIN', 'H56');
  const officer = (role: string, unit: string) => stack.token(role, unit);
  const portal = () => ({ 'x-api-key': stack.portalKey, 'idempotency-key': randomUUID() });
  const ok = (r: StackCall, status = 200) => {
    expect([r.status, r.body]).toEqual([status, expect.anything()]);
    return r.body;
  };
  const commune = (code: string, name: string) => ({ code, name, level: 'COMMUNE', kind: 'PEOPLES_COMMITTEE', parent: 'H56', validFrom: '2020-01-01T00:00:00+07:00', sample: true });
  const submit = (unit: string) =>
    stack.call('intake', 'POST', '/dossiers', portal(), {
      procedureCode: procedure,
      unit,
      applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Lê Thị Bình' },
      components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' }],
      delivery: 'COUNTER',
    });
  const dossierAt = async (unit: string) => String(ok(await submit(unit), 201)['dossierId']);
  const receive = async (id: string, unit: string) => ok(await stack.call('intake', 'POST', `/dossiers/${id}/receive`, officer('RECEPTION_OFFICER', unit)));
  const caseOf = (id: string, unit: string) => stack.call('processing', 'GET', `/cases/${id}`, officer('LEADER', unit));
  const caseOpened = (id: string, unit: string) => eventually(() => caseOf(id, unit), (r) => r.status === 200, { ...KAFKA, what: `the case of ${id}` });
  const dossier = (id: string, unit: string) => stack.call('intake', 'GET', `/dossiers/${id}`, officer('RECEPTION_OFFICER', unit));

  it('moves every dossier in flight at three merged communes to their successor, once, and reports by old and new unit', async () => {
    for (const [code, name] of [[A, 'Xã Đông Tiến'], [B, 'Xã Đông Thanh'], [C, 'Xã Đông Hòa']]) ok(await stack.call('intake', 'POST', '/catalogue/units', admin(), commune(code, name)), 201);
    ok(
      await stack.call('intake', 'POST', '/catalogue/procedures', admin(), {
        code: procedure, name: 'Đăng ký khai sinh (thử nghiệm)', field: 'Hộ tịch', level: 'COMMUNE', serviceLevel: 'FULL',
        processingTime: { value: 5, unit: 'WORKING_DAYS' }, requiredDocuments: [{ id: 'form', name: 'Tờ khai', required: true }], fees: [],
        payFirst: false, eResultAllowed: false, returnsDocument: true, refundRule: 'NONE', agencies: [], units: [A, B, C], effectiveFrom: '2020-01-01T00:00:00+07:00', sample: true,
      }),
      201,
    );

    // Every state a dossier can be in at the desk or in processing, across the three communes.
    const awaitingReception = await dossierAt(A);
    const returned = await dossierAt(B);
    ok(await stack.call('intake', 'POST', `/dossiers/${returned}/return-for-supplement`, officer('RECEPTION_OFFICER', B), { missing: ['Bản sao giấy chứng sinh'] }));
    const inProcessing = await dossierAt(C);
    await receive(inProcessing, C);
    const rejected = await dossierAt(A);
    ok(await stack.call('intake', 'POST', `/dossiers/${rejected}/reject`, officer('RECEPTION_OFFICER', A), { reason: 'Không thuộc thẩm quyền' }));
    const withdrawn = await dossierAt(B);
    ok(await stack.call('intake', 'POST', `/dossiers/${withdrawn}/withdraw`, portal(), {}));
    const resolved = await dossierAt(C);
    await receive(resolved, C);
    await caseOpened(resolved, C);
    ok(await stack.call('processing', 'POST', `/cases/${resolved}/resolve`, officer('LEADER', C), { outcome: 'APPROVED', resultDocuments: [{ documentId: 'kq-1', name: 'Giấy khai sinh' }] }));
    const awaitingSupplement = await dossierAt(A);
    await receive(awaitingSupplement, A);
    await caseOpened(awaitingSupplement, A);
    ok(await stack.call('processing', 'POST', `/cases/${awaitingSupplement}/supplement-requests`, officer('PROCESSING_OFFICER', A), { missing: ['Giấy xác nhận cư trú'] }), 201);
    await eventually(() => dossier(resolved, C), (r) => r.body['status'] === 'CONCLUDED', { ...KAFKA, what: 'the decision noted at the desk' });
    await eventually(() => dossier(awaitingSupplement, A), (r) => Boolean(r.body['awaitedSupplement']), { ...KAFKA, what: 'the supplement request noted at the desk' });
    await caseOpened(inProcessing, C);

    const now = stack.clock.now();
    const plan = {
      id: `TH-${tag}`,
      effectiveAt: now.toISOString(),
      // 90 minutes on the stack's clock (90 s): the dry run, the moves and the acts inside the window fit on a loaded machine.
      transitionEndsAt: new Date(now.getTime() + 90 * 60_000).toISOString(),
      mergers: [{ successor: S, merged: [A, B, C] }],
      register: [{ ...commune(S, 'Xã Đông Tiến Thanh Hòa'), validFrom: now.toISOString() }],
    };
    const expected = [
      { unit: A, successor: S, dossiers: { AWAITING_RECEPTION: 1, AWAITING_SUPPLEMENT: 1 }, total: 2 },
      { unit: B, successor: S, dossiers: { RETURNED: 1 }, total: 1 },
      { unit: C, successor: S, dossiers: { IN_PROCESSING: 1, RESOLVED: 1 }, total: 2 },
    ];
    // The dry run answers what would move and writes nothing.
    const dry = await eventually(() => stack.call('intake', 'POST', '/catalogue/reorganisations', admin(), { ...plan, dryRun: true }), (r) => r.status === 200 && isDeepStrictEqual(r.body['units'], expected), {
      ...KAFKA,
      what: 'the dry run counting the five dossiers in flight, each in its state',
    });
    expect(dry.body).toMatchObject({ dryRun: true, units: expected, closed: [A, B, C], registered: [S] });
    expect((await stack.call('intake', 'GET', `/catalogue/units/${S}`, admin())).status).toBe(404);
    expect(ok(await stack.call('intake', 'GET', `/catalogue/units/${A}`, admin()))['validTo']).toBeUndefined();

    const recorded = ok(await stack.call('intake', 'POST', '/catalogue/reorganisations', admin(), plan));
    expect(recorded).toMatchObject({ dryRun: false, units: expected, dossiers: 5 });
    const again = await stack.call('intake', 'POST', '/catalogue/reorganisations', admin(), plan);
    expect([again.status, again.body['code']]).toEqual([409, 'REORGANISATION.ALREADY_RECORDED']);
    expect(ok(await stack.call('intake', 'GET', `/catalogue/units/${A}`, admin()))).toMatchObject({ mergedInto: S, successors: [S] });

    // Each dossier in flight is the successor's now; the finished ones stay where they finished.
    const moved = [awaitingReception, returned, inProcessing, resolved, awaitingSupplement];
    for (const id of moved) await eventually(() => dossier(id, S), (r) => r.status === 200 && r.body['unit'] === S, { ...KAFKA, what: `dossier ${id} at the successor` });
    expect(ok(await dossier(rejected, A))['unit']).toBe(A);
    expect(ok(await dossier(withdrawn, B))['unit']).toBe(B);
    const transfers = await db.query<{ stream_id: string; n: string }>(
      `select stream_id, count(*) as n from intake.events where event_type = 'DossierTransferred' and stream_id = any($1::text[]) group by stream_id order by stream_id`,
      [[...moved, rejected, withdrawn]],
    );
    expect(transfers.rows).toEqual([...moved].sort().map((id) => ({ stream_id: id, n: '1' })));
    // reception_queue follows intake's log a moment behind the streams: all five are the successor's, none left at the merged units.
    const held = () => db.query<{ unit: string; n: string }>(`select unit, count(*) as n from intake.reception_queue where unit = any($1::text[]) group by unit order by unit`, [[A, B, C, S]]);
    await eventually(held, (r) => isDeepStrictEqual(r.rows, [{ unit: S, n: '5' }]), { ...KAFKA, what: 'the five dossiers in flight held by the successor in reception_queue' });

    // The case follows, due date unchanged; the successor's reception queue lists what waits at its desk.
    const atSuccessor = await eventually(() => caseOf(inProcessing, S), (r) => r.status === 200, { ...KAFKA, what: 'the case at the successor' });
    expect(atSuccessor.body).toMatchObject({ agency: S });
    const queue = await eventually(() => stack.call('intake', 'GET', `/reception-queue?unit=${S}`, officer('RECEPTION_OFFICER', S)), (r) => (r.body['items'] as unknown[] | undefined)?.length === 3, { ...KAFKA, what: "the successor's reception queue" });
    expect((queue.body['items'] as { dossierId: string }[]).map((i) => i.dossierId).sort()).toEqual([awaitingReception, returned, awaitingSupplement].sort());

    // The successor's officers finish one; the merged commune's officer may act inside the window.
    await receive(awaitingReception, S);
    ok(await stack.call('processing', 'POST', `/cases/${inProcessing}/resolve`, officer('LEADER', S), { outcome: 'APPROVED', resultDocuments: [{ documentId: 'kq-2', name: 'Giấy khai sinh' }] }));
    expect((await caseOf(awaitingSupplement, A)).status).toBe(200);
    await eventually(async () => stack.clock.now().getTime(), (t) => t >= Date.parse(plan.transitionEndsAt), { timeoutMs: 180_000, what: 'the end of the transition window' });
    expect((await caseOf(awaitingSupplement, A)).body['code']).toBe('AUTH.OTHER_UNIT');
    expect((await dossier(returned, B)).body['code']).toBe('AUTH.OTHER_UNIT');
    expect((await caseOf(awaitingSupplement, S)).status).toBe(200);

    // A portal naming an old commune is told the successor; the successor receives its procedures.
    const refused = await submit(A);
    expect([refused.status, refused.body['code']]).toEqual([422, 'UNIT.SUCCEEDED']);
    expect(JSON.stringify(refused.body)).toContain(S);
    const atNew = ok(await submit(S), 201);
    expect(String(atNew['code']).startsWith(`${S}-`)).toBe(true);
    // At the desk a registration naming an old commune is the successor's dossier, taken by the
    // successor's officer; the old commune's officers may no longer register, the window over.
    const registerNamingA = (by: string) =>
      stack.call('intake', 'POST', '/dossiers/at-desk', { ...officer('RECEPTION_OFFICER', by), 'idempotency-key': randomUUID() }, {
        channel: 'COUNTER',
        procedureCode: procedure,
        unit: A,
        applicant: { kind: 'INDIVIDUAL', identifier: '038090001235', fullName: 'Lê Văn Cường' },
        components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' }],
        delivery: 'COUNTER',
      });
    const atDesk = ok(await registerNamingA(S), 201);
    expect(String(atDesk['code']).startsWith(`${S}-`)).toBe(true);
    expect(ok(await dossier(String(atDesk['dossierId']), S))['unit']).toBe(S);
    expect((await registerNamingA(A)).body['code']).toBe('AUTH.OTHER_UNIT');

    // An old code still resolves, for the successor's officers too.
    const oldCode = String(ok(await dossier(awaitingReception, S))['code']);
    expect(oldCode.startsWith(`${A}-`)).toBe(true);
    await eventually(() => stack.call('projections', 'GET', `/dossiers/by-code/${encodeURIComponent(oldCode)}/timeline`, officer('RECEPTION_OFFICER', S)), (r) => r.status === 200, { ...KAFKA, what: 'the old code looked up' });

    // By the unit at reception the three communes keep their dossiers; by today's unit they add up to the successor's.
    const all = [...moved, rejected, withdrawn, String(atNew['dossierId'])];
    const facts = () =>
      db.query<{ unit: string; successor_unit: string; n: string }>(
        `select unit, successor_unit, count(*) as n from projections.dossier_facts where dossier_id = any($1::uuid[]) group by unit, successor_unit order by unit`,
        [all],
      );
    const byUnit = await eventually(facts, (r) => r.rows.reduce((n, row) => n + Number(row.n), 0) === 8 && r.rows.every((row) => row.successor_unit === S), { ...KAFKA, what: 'the facts by old and new unit' });
    // The dossier submitted at A and received by the successor after the merger counts as S's reception.
    expect(byUnit.rows.map((r) => [r.unit, r.successor_unit, Number(r.n)])).toEqual([[A, S, 2], [B, S, 2], [C, S, 2], [S, S, 2]]);
  }, 600_000);
});
