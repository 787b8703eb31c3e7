import { randomBytes, randomUUID } from 'node:crypto';
import { Topics } from '@motcua/contracts';
import { eventually } from '@motcua/testing';
import type { IndicatorInput } from '../../domain/indicators';
import { at, due, facts } from '../../domain/indicators/indicator-input.fixture';
import { DashboardBrowser } from '../../testing/dashboard-browser.harness';
import { ProjectionsHarness } from '../../testing/projections.harness';

/**
 * The dashboard in a real headless chromium against the service on real PostgreSQL and Kafka.
 * As in statistics.e2e.spec.ts, the facts are written straight into the read model under unit
 * codes of this run alone; the stream panel reads the service's real consumer and topics.
 */
const P = `S${randomBytes(3).toString('hex').toUpperCase()}`;
const [commune, merged, other] = [`${P}.22`, `${P}.21`, `${P}.23`];
let n = 0;
const dossier = (unit: string, successorUnit: string, overrides: Partial<IndicatorInput> = {}) =>
  facts({ dossierId: randomUUID(), code: `${unit}-250303-${String((n += 1)).padStart(4, '0')}`, unit, successorUnit, ...overrides });
const resolved = (day: string) => ({ resolvedAt: at(`2025-03-${day}T10:00`), resolutionWorkingMinutes: 1800 });

const D = {
  onlineOnTime: dossier(commune, commune, { channel: 'ONLINE', paidOnline: true, ...resolved('07') }),
  onlineExempt: dossier(commune, commune, { channel: 'ONLINE', feeAssessed: 0, ...resolved('06') }),
  late: dossier(commune, commune, { resolvedAt: at('2025-03-12T10:00'), resolutionWorkingMinutes: 3600 }),
  openPastDue: dossier(commune, commune),
  predecessor: dossier(merged, commune, resolved('04')),
  dueSoon: dossier(commune, commune, { receivedAt: at('2025-03-28T08:00'), dueHistory: [due('2025-03-28T08:00', '2025-04-01T08:00', '2025-03-31T08:00')] }),
  otherCommune: dossier(other, other, resolved('04')),
};
const BLUE: [number, number, number] = [0x0b, 0x5c, 0xad];
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe('the dashboard at /dashboard in a real browser: charts, filters, drill-down, languages and the stream (real PostgreSQL and Kafka)', () => {
  const harness = new ProjectionsHarness();
  const browser = new DashboardBrowser();
  const leader = () => harness.officer('LEADER', P);
  const cell = (id: string, unit: string) => `#figure-table button[data-id="${id}"][data-unit="${unit}"]`;

  const insert = async (...rows: IndicatorInput[]) => {
    const records = rows.map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [snake(k), v])));
    const columns = Object.keys(records[0]).join(', ');
    await harness.db.query(`INSERT INTO projections.dossier_facts (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::projections.dossier_facts, $1::jsonb)`, [JSON.stringify(records)]);
    // Written behind the projection's back, so queued for the indicator totals as a projection batch would queue them.
    await harness.db.query(`INSERT INTO projections.indicator_dirty_dossiers SELECT dossier_id FROM projections.dossier_facts WHERE dossier_id = ANY($1::uuid[]) ON CONFLICT DO NOTHING`, [rows.map((r) => r.dossierId)]);
  };
  /** The figure as the API gives it to the same officer, in the page's "numerator / denominator". */
  const apiFigure = async (id: string, unit: string, channel?: string) => {
    const query = `from=2025-03-01&to=2025-03-31&indicator=${id}&groupBy=successorUnit${channel ? ',channel' : ''}`;
    const { rows } = (await (await fetch(`${harness.base}/v1/statistics/indicators?${query}`, { headers: leader() })).json()) as { rows: { group: Record<string, string>; indicators: Record<string, { numerator: number; denominator: number }> }[] };
    const figure = rows.find((r) => r.group['successorUnit'] === unit && (!channel || r.group['channel'] === channel))?.indicators[id];
    return `${figure?.numerator} / ${figure?.denominator}`;
  };
  const shows = (selector: string, accept: (text: string) => boolean, what: string) => eventually(() => browser.text(selector), accept, { timeoutMs: 20_000, what });
  const chooseChannel = (channel: string) => browser.page.selectOption('#channel', channel);

  beforeAll(async () => {
    await harness.start();
    await harness.db.query(
      `INSERT INTO projections.units (code, name, level, parent, successor_of, valid_from, valid_to) VALUES
        ($1, 'Province', 'PROVINCE', NULL, '{}', '2020-01-01', NULL), ($2, 'Commune', 'COMMUNE', $1, ARRAY[$3], '2020-01-01', NULL),
        ($3, 'Merged commune', 'COMMUNE', $1, '{}', '2020-01-01', '2025-07-01'), ($4, 'Another commune', 'COMMUNE', $1, '{}', '2020-01-01', NULL)`,
      [P, commune, merged, other],
    );
    await insert(...Object.values(D));
    const page = await browser.open(`${harness.base}/dashboard?refresh=1`);
    await page.fill('#token', leader()['authorization'].slice('Bearer '.length));
    await page.fill('#from', '2025-03');
    await page.fill('#to', '2025-03');
    await page.click('#token-form button[type=submit]');
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await harness.close();
  });

  it('serves the page and Chart.js publicly, and draws every chart from the figures', async () => {
    expect((await fetch(`${harness.base}/dashboard/`)).headers.get('content-type')).toMatch(/^text\/html/);
    expect((await fetch(`${harness.base}/dashboard/vendor/chart.umd.min.js`)).status).toBe(200);
    await shows(cell('on_time', commune), (t) => t.includes('/'), 'the on-time figure shown');
    for (const id of ['on_time', 'online_share', 'digitisation', 'e_result', 'data_reuse', 'online_payment']) {
      // Every chart drawn, its legend's swatch of the first unit (blue) included.
      await eventually(() => browser.pixelsOf(`[data-chart="${id}"] canvas`, BLUE, true), (px) => px > 50, { what: `${id}'s chart drawn` });
    }
    // Bars as tall as the figures: the commune's on-time rate (4 of 6) and online payment (1 of 5) stand; its online share (0 of 6) draws nothing.
    expect(await browser.pixelsOf('[data-chart="on_time"] canvas', BLUE)).toBeGreaterThan(2_000);
    expect(await browser.pixelsOf('[data-chart="online_payment"] canvas', BLUE)).toBeGreaterThan(500);
    expect(await browser.pixelsOf('[data-chart="online_share"] canvas', BLUE)).toBe(0);
    expect(await browser.pixelsOf('#chart-points', BLUE)).toBeGreaterThan(2_000);
    expect(await browser.pixelsOf('#chart-backlog', BLUE)).toBeGreaterThan(2_000);
    const screenshot = await browser.page.screenshot({ fullPage: true });
    expect(screenshot.subarray(1, 4).toString()).toBe('PNG');
  });

  it('shows the numbers the API gives, and the channel and unit filters change them', async () => {
    const all = await apiFigure('on_time', commune);
    const online = await apiFigure('on_time', commune, 'ONLINE');
    expect(online).toBe('2 / 2');
    expect(all).not.toBe(online);
    await shows(cell('on_time', commune), (t) => t === all, `all channels: ${all}`);
    await chooseChannel('ONLINE');
    await shows(cell('on_time', commune), (t) => t === online, `online only: ${online}`);
    await chooseChannel('');
    await shows(cell('on_time', commune), (t) => t === all, 'all channels again');
    const units = () => browser.texts('#figure-table tbody tr[data-unit] td:first-child');
    expect(await units()).toEqual([commune, other]);
    await browser.page.fill('#unit', other);
    await browser.page.click('#filters button[type=submit]');
    await eventually(units, (u) => u.join() === other, { what: 'only the other commune' });
    await browser.page.fill('#unit', '');
    await browser.page.click('#filters button[type=submit]');
    await shows(cell('on_time', commune), (t) => t === all, 'the whole province again');
  });

  it('opens the dossiers behind a number, and behind a bar', async () => {
    await chooseChannel('ONLINE');
    await shows(cell('on_time', commune), (t) => t === '2 / 2', 'online only');
    await browser.page.click(cell('on_time', commune));
    const codes = () => browser.texts('#drill-codes li');
    await eventually(codes, (c) => c.join() === [D.onlineOnTime.code, D.onlineExempt.code].sort().join(), { what: 'the two online dossiers on time' });
    await chooseChannel('');
    await shows(cell('overdue_in_progress', commune), (t) => t === '1', 'one overdue');
    // The backlog chart: units in code order, the overdue bars second.
    await browser.clickBar('#chart-backlog', 1, 0);
    expect(await eventually(codes, (c) => c.join() === D.openPastDue.code, { what: 'the overdue dossier' })).toEqual([D.openPastDue.code]);
    await browser.clickBar('#chart-backlog', 0, 0);
    await eventually(codes, (c) => c.join() === D.dueSoon.code, { what: 'the dossier due soon' });
  });

  it('speaks Vietnamese with its diacritics, and English at the toggle', async () => {
    await shows('h1', (t) => t === 'Bảng điều khiển Một Cửa', 'the Vietnamese title');
    expect(await browser.texts('#figure-table th')).toEqual(expect.arrayContaining(['Đúng hạn', 'Tỷ lệ trực tuyến', 'Số hoá hồ sơ', 'Quá hạn']));
    await browser.page.click('#lang');
    await shows('h1', (t) => t === 'Một Cửa dashboard', 'the English title');
    await eventually(() => browser.texts('#figure-table th'), (th) => th.includes('On time') && th.includes('Overdue'), { what: 'English headings' });
    await browser.page.click('#lang');
    await shows('h1', (t) => t === 'Bảng điều khiển Một Cửa', 'Vietnamese again');
  });

  it('refreshes by itself: a dossier projected after the page loaded appears in its figure', async () => {
    await chooseChannel('ONLINE');
    await shows(cell('on_time', commune), (t) => t === '2 / 2', 'online only');
    await insert(dossier(commune, commune, { channel: 'ONLINE', ...resolved('05') }));
    await shows(cell('on_time', commune), (t) => t === '3 / 3', 'the new dossier counted without a reload');
  });

  it("shows the stream's lag and counts a dead letter the consumer sends", async () => {
    const lag = await shows('[data-tile="lag"]', (t) => /^\d+$/.test(t), 'the lag in messages');
    expect(Number(lag)).toBeGreaterThanOrEqual(0);
    const before = Number(await shows('[data-tile="deadLetters"]', (t) => /^\d+$/.test(t), 'the dead letters counted'));
    // Throughput is the change between two refreshes: it shows above 0 for one render only, which a
    // busy machine's polling can miss, so the page itself notes when it did.
    // (Each render replaces the tiles, so the page watches their container.)
    await browser.page.evaluate(`{
      const tiles = document.getElementById('stream-tiles');
      new MutationObserver(() => (window.sawThroughput ||= Number(tiles.querySelector('[data-tile="throughput"]')?.textContent) > 0)).observe(tiles, { childList: true, subtree: true });
    }`);
    await harness.sendRaw(Topics.intake, randomUUID(), '{"not": "an envelope"}');
    await shows('[data-tile="deadLetters"]', (t) => Number(t) === before + 1, 'one more dead letter');
    await eventually(() => browser.page.evaluate<boolean>('Boolean(window.sawThroughput)'), (seen) => seen, { timeoutMs: 20_000, what: 'events applied per second' });
    const refused = await fetch(`${harness.base}/v1/projections/stream-health`, { headers: harness.officer('PROCESSING_OFFICER', commune) });
    expect(refused.status).toBe(403);
    const document = (await (await fetch(`${harness.base}/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain('/v1/projections/stream-health');
  });
});
