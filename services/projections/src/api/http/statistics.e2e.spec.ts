import { randomBytes } from 'node:crypto';
import { sweepBadInput } from '@motcua/testing';
import type { IndicatorInput } from '../../domain/indicators';
import { at, due, facts } from '../../domain/indicators/indicator-input.fixture';
import { ProjectionsHarness } from '../../testing/projections.harness';

/**
 * The statistics endpoints over HTTP on real PostgreSQL. The facts rows are written straight into
 * the projections' tables (the consumer that writes them has its own specs), under unit codes of
 * this run alone, so whatever else the shared topics carry cannot reach these figures.
 */
const P = `S${randomBytes(3).toString('hex').toUpperCase()}`;
const [commune, merged, other, district] = [`${P}.22`, `${P}.21`, `${P}.23`, `${P}.D1`];
const code = (unit: string, n: number) => `${unit}-250303-${String(n).padStart(4, '0')}`;

// March 2025, due Monday 10 March 08:00 unless said otherwise (see facts()).
const DOSSIERS: Record<string, IndicatorInput> = {
  onTime: facts({ code: code(commune, 1), unit: commune, successorUnit: commune, channel: 'ONLINE', paidOnline: true, resolvedAt: at('2025-03-07T10:00'), resolutionWorkingMinutes: 1800 }),
  late: facts({ code: code(commune, 2), unit: commune, successorUnit: commune, resolvedAt: at('2025-03-12T10:00'), resolutionWorkingMinutes: 3600 }),
  // The pending request ends the clock at 5 March, before the due date: on time at the month's end.
  pendingSupplement: facts({ code: code(commune, 3), unit: commune, successorUnit: commune, supplementRequests: [{ requestedAt: at('2025-03-05T08:00'), answeredAt: null }] }),
  exemptFee: facts({ code: code(commune, 4), unit: commune, successorUnit: commune, channel: 'ONLINE', feeAssessed: 0, resolvedAt: at('2025-03-06T10:00'), resolutionWorkingMinutes: 1350 }),
  openPastDue: facts({ code: code(commune, 5), unit: commune, successorUnit: commune }),
  // Received by a commune merged into `commune` since.
  predecessor: facts({ code: code(merged, 6), unit: merged, successorUnit: commune, resolvedAt: at('2025-03-04T10:00'), resolutionWorkingMinutes: 450 }),
  otherCommune: facts({ code: code(other, 7), unit: other, successorUnit: other, resolvedAt: at('2025-03-04T10:00'), resolutionWorkingMinutes: 450, dueHistory: [due('2025-03-03T08:00', '2025-03-10T08:00')] }),
};
const codesOf = (...names: string[]) => names.map((n) => DOSSIERS[n].code).sort();

interface Row {
  period: string;
  group: Record<string, string | null>;
  indicators: Record<string, { numerator: number; denominator: number; rate: number | null; points: number | null }>;
}
interface Answer {
  rows: Row[];
  codes: string[];
  next: string | null;
  code: string;
  errors?: { field: string }[];
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe('statistics over HTTP: the 766 indicators of a caller\'s units and the dossiers behind them (real PostgreSQL)', () => {
  const harness = new ProjectionsHarness();

  beforeAll(async () => {
    await harness.start();
    await harness.db.query(
      `INSERT INTO projections.units (code, name, level, parent, successor_of, valid_from, valid_to) VALUES
        ($1, 'Province', 'PROVINCE', NULL, '{}', '2020-01-01', NULL),
        ($2, 'Commune formed by merger', 'COMMUNE', $1, ARRAY[$3], '2020-01-01', NULL),
        ($4, 'Former district', 'DISTRICT', $1, '{}', '2020-01-01', '2025-07-01'),
        ($3, 'Merged commune', 'COMMUNE', $4, '{}', '2020-01-01', '2025-07-01'),
        ($5, 'Another commune', 'COMMUNE', $1, '{}', '2020-01-01', NULL)`,
      [P, commune, merged, district, other],
    );
    const rows = Object.values(DOSSIERS).map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [snake(k), v])));
    const columns = Object.keys(rows[0]).join(', ');
    await harness.db.query(`INSERT INTO projections.dossier_facts (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::projections.dossier_facts, $1::jsonb)`, [JSON.stringify(rows)]);
    // Written behind the projection's back, so queued for the indicator totals as a projection batch would queue them.
    await harness.db.query(`INSERT INTO projections.indicator_dirty_dossiers SELECT dossier_id FROM projections.dossier_facts ON CONFLICT DO NOTHING`);
  }, 120_000);
  afterAll(() => harness.close());

  const get = async (path: string, headers: Record<string, string>) => {
    const response = await fetch(`${harness.base}/v1/statistics/indicators${path}`, { headers });
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Answer };
  };
  const analyst = () => harness.officer('ANALYST', commune);
  const march = 'from=2025-03-01&to=2025-03-31&period=month';

  it("gives an analyst the month of their commune and of the commune merged into it, figure by figure as computed by hand", async () => {
    const { status, body } = await get(`?${march}&indicator=on_time,on_time_plain,online_payment,online_share_plain`, analyst());
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(1);
    const [row] = body.rows;
    expect(row.period).toBe('2025-03');
    expect(row.group).toEqual({});
    // on time: onTime, pendingSupplement, exemptFee, predecessor / those six (the late one and the open one past due are not).
    expect(row.indicators.on_time).toEqual({ numerator: 4, denominator: 6, rate: 4 / 6, threshold: 0.8, maxPoints: 20, points: ((4 / 6) * 20) / 0.8 });
    expect(row.indicators.on_time_plain).toMatchObject({ numerator: 3, denominator: 4, rate: 0.75, threshold: null, points: null });
    // The exempt dossier leaves the online-payment denominator; onTime is the one paid online.
    expect(row.indicators.online_payment).toEqual({ numerator: 1, denominator: 5, rate: 1 / 5, threshold: 0.8, maxPoints: 6, points: ((1 / 5) * 6) / 0.8 });
    expect(row.indicators.online_share_plain).toMatchObject({ numerator: 2, denominator: 6 });
  });

  it('groups by the unit at reception with units=reception, and reaches every unit under a province', async () => {
    const byReception = await get(`?${march}&indicator=on_time&groupBy=unit&units=reception`, analyst());
    expect(byReception.status).toBe(200);
    const figures = Object.fromEntries(byReception.body.rows.map((r: Row) => [r.group.unit, [r.indicators.on_time.numerator, r.indicators.on_time.denominator]]));
    expect(figures).toEqual({ [commune]: [3, 5], [merged]: [1, 1] });
    const province = await get(`?${march}&indicator=on_time&groupBy=successorUnit`, harness.officer('LEADER', P));
    expect(Object.fromEntries(province.body.rows.map((r: Row) => [r.group.successorUnit, r.indicators.on_time.denominator]))).toEqual({ [commune]: 6, [other]: 1 });
    const admin = await get(`?${march}&indicator=on_time&unit=${other}`, harness.officer('ADMIN', 'H56'));
    expect(admin.body.rows.map((r: Row) => r.indicators.on_time)).toEqual([expect.objectContaining({ numerator: 1, denominator: 1, points: 20 })]);
  });

  it("lists exactly the numerator's codes behind a figure, page by page", async () => {
    const all = await get(`/on_time/dossiers?${march}&side=numerator&limit=100`, analyst());
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ codes: codesOf('onTime', 'pendingSupplement', 'exemptFee', 'predecessor'), next: null });
    const denominator = await get(`/on_time/dossiers?${march}&side=denominator&unit=${commune}&units=reception`, analyst());
    expect(denominator.body.codes).toEqual(codesOf('onTime', 'late', 'pendingSupplement', 'exemptFee', 'openPastDue'));
    const first = await get(`/on_time/dossiers?${march}&side=numerator&limit=3`, analyst());
    expect(first.body.codes).toEqual(all.body.codes.slice(0, 3));
    expect(first.body.next).toEqual(expect.any(String));
    const second = await get(`/on_time/dossiers?${march}&side=numerator&limit=3&after=${first.body.next}`, analyst());
    expect(second.body).toEqual({ codes: all.body.codes.slice(3), next: null });
  });

  it("refuses another commune's figures with 403 AUTH.OTHER_UNIT, and roles without statistics", async () => {
    for (const path of [`?${march}&unit=${other}`, `/on_time/dossiers?${march}&side=numerator&unit=${other}`, `/on_time/dossiers?${march}&side=numerator&successorUnit=${other}`]) {
      const refused = await get(path, analyst());
      expect({ path, status: refused.status, code: refused.body.code }).toEqual({ path, status: 403, code: 'AUTH.OTHER_UNIT' });
      expect(refused.type).toMatch(/^application\/problem\+json/);
    }
    expect((await get(`?${march}`, harness.officer('ANALYST', other))).body.rows).toHaveLength(1);
    expect((await get(`?${march}`, harness.officer('PROCESSING_OFFICER', commune))).status).toBe(403);
    expect((await get(`?${march}`, harness.portal())).status).toBe(403);
    expect((await fetch(`${harness.base}/v1/statistics/indicators?${march}`)).status).toBe(401);
  });

  it.each([
    ['from=2025-02-30&to=2025-03-31', 'from'],
    ['from=2025-03-31&to=2025-03-01', 'to'],
    ['from=2024-01-01&to=2025-03-01&period=day', 'to'],
    [`${march.replace('month', 'week')}`, 'period'],
    [`${march}&groupBy=unit,colour`, 'groupBy'],
    [`${march}&groupBy=unit,unit`, 'groupBy'],
    [`${march}&indicator=on_time,happiness`, 'indicator'],
    [`${march}&units=yesterday`, 'units'],
    [`${march}&unit=${encodeURIComponent("x' or 1=1")}`, 'unit'],
    [`${march}&colour=red`, 'colour'],
  ])('answers 400 problem+json naming the field for %s', async (query, field) => {
    const { status, type, body } = await get(`?${query}`, analyst());
    expect({ status, fields: body.errors?.map((e) => e.field) }).toEqual({ status: 400, fields: expect.arrayContaining([field]) });
    expect(type).toMatch(/^application\/problem\+json/);
  });

  it('answers 400 for a drill-down over more than one period or with a mangled cursor, and 404 for an unknown indicator', async () => {
    const twoMonths = await get('/on_time/dossiers?from=2025-03-01&to=2025-04-30&side=numerator', analyst());
    expect({ status: twoMonths.status, fields: twoMonths.body.errors?.map((e) => e.field) }).toEqual({ status: 400, fields: ['to'] });
    const cursor = await get(`/on_time/dossiers?${march}&side=numerator&after=${Buffer.from("'; drop table x").toString('base64url')}`, analyst());
    expect({ status: cursor.status, fields: cursor.body.errors?.map((e) => e.field) }).toEqual({ status: 400, fields: ['after'] });
    const noSide = await get(`/on_time/dossiers?${march}`, analyst());
    expect(noSide.body.errors?.map((e) => e.field)).toEqual(['side']);
    const unknown = await get(`/happiness/dossiers?${march}&side=numerator`, analyst());
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'INDICATOR.NOT_FOUND' });
  });

  it('documents both endpoints at /docs, and no hostile parameter gets a 5xx or an unnamed 400 from them', async () => {
    const document = (await (await fetch(`${harness.base}/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/statistics/indicators', '/v1/statistics/indicators/{id}/dossiers']));
    const { routes, findings } = await sweepBadInput({ origin: harness.base, credentials: [analyst()] });
    expect(routes).toEqual(expect.arrayContaining(['GET /v1/statistics/indicators', 'GET /v1/statistics/indicators/{id}/dossiers']));
    expect(findings.filter((f) => f.route.includes('/statistics/'))).toEqual([]);
  });
});
