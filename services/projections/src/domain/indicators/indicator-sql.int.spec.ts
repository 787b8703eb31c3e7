import { uniqueName } from '@motcua/testing';
import { Client } from 'pg';
import { INDICATOR_IDS, type IndicatorId } from './indicator-catalogue';
import type { IndicatorInput } from './indicator-input';
import { at, due, facts } from './indicator-input.fixture';
import { indicatorReport, type GroupKey } from './indicator-report';
import { indicatorQuery, type IndicatorSqlQuery } from './indicator-sql';
import { indicatorView, indicatorViews } from './indicator-views';
import { PERIOD_KINDS, periodsCovering, type PeriodKind } from './periods';
import { contribution } from './indicator-rules';
import { drillDownQuery } from './indicator-drilldown';
import { randomDossiers } from './random-dossiers.fixture';
import { DOSSIER_FACTS_DDL, insertFacts } from './dossier-facts.test-table';
import { reportColumns, reportQuery } from './indicator-report-sql';
import { POPULATION } from './indicator-sql.parts';

const asOf = new Date('2025-07-10T03:00:00.000Z');
const RANGES: Record<PeriodKind, [string, string]> = {
  day: ['2025-03-25', '2025-04-05'],
  month: ['2025-01-01', '2025-07-31'],
  quarter: ['2025-01-01', '2025-09-30'],
  year: ['2024-01-01', '2025-12-31'],
};
const GROUPINGS: GroupKey[][] = [[], ['unit'], ['successorUnit', 'procedure'], ['department', 'field', 'channel']];

/** Facts that fall exactly on a period's end (30 April → 1 May, local midnight), where < and <= part. */
function boundaryDossiers(): IndicatorInput[] {
  const end = '2025-05-01T00:00';
  const received = { receivedAt: at('2025-04-28T08:00') };
  return [
    facts({ ...received, dueHistory: [due('2025-04-28T08:00', '2025-05-02T08:00', end)] }),
    facts({ ...received, dueHistory: [due('2025-04-28T08:00', end)] }),
    facts({ ...received, dueHistory: [due('2025-04-28T08:00', '2025-04-30T08:00'), due(end, '2025-05-06T08:00')] }),
    facts({ ...received, dueHistory: [due('2025-04-28T08:00', '2025-04-30T08:00')], supplementRequests: [{ requestedAt: at(end), answeredAt: null }] }),
    facts({ ...received, dueHistory: [due('2025-04-28T08:00', '2025-04-30T08:00')], supplementRequests: [{ requestedAt: at('2025-04-29T08:00'), answeredAt: at(end) }] }),
    facts({ ...received, dueHistory: [due('2025-04-28T08:00', '2025-05-09T08:00')], supplementRequests: [{ requestedAt: at('2025-04-29T08:00'), answeredAt: at('2025-04-29T10:00') }, { requestedAt: at(end), answeredAt: null }] }),
    facts({ ...received, dueHistory: [due('2025-04-28T08:00', '2025-04-30T08:00')], paymentWaitFrom: at('2025-04-28T08:00'), paymentWaitUntil: at(end) }),
    facts({ ...received, dueHistory: [due('2025-04-28T08:00', end)], resolvedAt: at(end), resolutionWorkingMinutes: 1350 }),
    facts({ receivedAt: at(end), dueHistory: [due(end, '2025-05-08T08:00')] }),
    facts({ receivedAt: new Date(at(end).getTime() - 1), dueHistory: [due('2025-04-30T23:59', '2025-05-08T08:00')], withdrawnAt: at(end) }),
  ];
}

type Figures = Record<string, [numerator: number, denominator: number, timeUnit?: string]>;

type Units = IndicatorSqlQuery['units'];
const UNIT_FILTERS: Units[] = [undefined, { by: 'successorUnit', codes: ['H56.22'] }];

function pureFigures(dossiers: IndicatorInput[], id: IndicatorId, kind: PeriodKind, groupBy: GroupKey[], units: Units): Figures {
  const [from, to] = RANGES[kind];
  const rows = indicatorReport(dossiers, { indicators: [id], period: kind, from, to, groupBy, asOf, units });
  return Object.fromEntries(
    rows.map((r) => {
      const f = r.indicators[id];
      return [JSON.stringify([r.period, ...groupBy.map((k) => r.group[k])]), [f?.numerator ?? NaN, f?.denominator ?? NaN, f?.timeUnit]];
    }),
  );
}

describe('the SQL form of the indicators gives the pure rules numbers', () => {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] });
  const schema = uniqueName('indicators');
  const dossiers = [...randomDossiers(400, 766), ...boundaryDossiers()];

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    await client.query(DOSSIER_FACTS_DDL);
    await insertFacts(client, dossiers);
  });

  afterAll(async () => {
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  });

  it('holds every shape the rules tell apart', () => {
    const shapes = {
      open: dossiers.filter((d) => d.receivedAt && !d.resolvedAt && !d.stoppedAt && !d.withdrawnAt).length,
      pendingSupplement: dossiers.filter((d) => d.supplementRequests.some((s) => s.answeredAt === null)).length,
      twoSupplements: dossiers.filter((d) => d.supplementRequests.length > 1).length,
      resolvedAtDue: dossiers.filter((d) => d.resolvedAt && d.resolvedAt.getTime() === d.dueHistory[d.dueHistory.length - 1]?.dueAt.getTime()).length,
      exempt: dossiers.filter((d) => d.feeBearing && d.feeAssessed === 0).length,
      rejected: dossiers.filter((d) => !d.receivedAt).length,
      payFirstUnpaid: dossiers.filter((d) => d.paymentWaitFrom && !d.paymentWaitUntil).length,
    };
    for (const [shape, n] of Object.entries(shapes)) expect([shape, n > 0]).toEqual([shape, true]);
  });

  describe.each(PERIOD_KINDS)('per %s', (kind) => {
    it.each(INDICATOR_IDS)('%s: same numerator and denominator for every grouping and unit filter', async (id) => {
      for (const [groupBy, units] of GROUPINGS.flatMap((g) => UNIT_FILTERS.map((u) => [g, u] as const))) {
        const [from, to] = RANGES[kind];
        const { text, values } = indicatorQuery(id, { period: kind, groupBy, from, to, asOf, units });
        const { rows } = await client.query(text, values);
        const sql: Figures = Object.fromEntries(
          rows.map((r) => [JSON.stringify([r.period, ...groupBy.map((k) => r[k])]), [r.numerator, r.denominator, r.time_unit ?? undefined]]),
        );
        const pure = pureFigures(dossiers, id, kind, groupBy, units);
        expect(Object.keys(sql).sort()).toEqual(Object.keys(pure).sort());
        for (const key of Object.keys(pure)) {
          const [pn, pd, pu] = pure[key];
          const [sn, sd, su] = sql[key];
          expect({ key, units, denominator: sd, timeUnit: su }).toEqual({ key, units, denominator: pd, timeUnit: pu });
          expect(sn).toBeCloseTo(pn, 6);
        }
        expect(Object.keys(pure).length).toBeGreaterThan(0);
      }
    });
  });

  // The report's one-pass form: every indicator asked at once, and subsets that ask for one
  // population only (the periods a row spans are cut from the populations asked).
  const ASKED: IndicatorId[][] = [
    [...INDICATOR_IDS],
    INDICATOR_IDS.filter((id) => POPULATION[id] === 'RECEIVED'),
    ['on_time_plain', 'late_resolved'],
    ['due_soon'],
    ['in_progress', 'avg_resolution_time'],
  ];
  describe.each(PERIOD_KINDS)('the one-pass report, per %s', (kind) => {
    it.each(ASKED.map((ids) => [ids.join(', '), ids] as const))('[%s]: the pure figures, none where the pure report has none', async (_name, ids) => {
      for (const [groupBy, units] of GROUPINGS.flatMap((g) => UNIT_FILTERS.map((u) => [g, u] as const))) {
        const [from, to] = RANGES[kind];
        const { text, values } = reportQuery(ids, { period: kind, groupBy, from, to, asOf, units });
        const { rows } = await client.query(text, values);
        for (const id of ids) {
          const c = reportColumns(id);
          const sql: Figures = Object.fromEntries(
            rows
              .filter((r) => r[c.denominator] > 0)
              .map((r) => [JSON.stringify([r.period, ...groupBy.map((k) => r[k])]), [r[c.numerator], r[c.denominator], r[c.timeUnit] ?? undefined]]),
          );
          const pure = pureFigures(dossiers, id, kind, groupBy, units);
          expect({ id, keys: Object.keys(sql).sort() }).toEqual({ id, keys: Object.keys(pure).sort() });
          for (const key of Object.keys(pure)) {
            const [pn, pd, pu] = pure[key];
            const [sn, sd, su] = sql[key];
            expect({ id, key, units, denominator: sd, timeUnit: su }).toEqual({ id, key, units, denominator: pd, timeUnit: pu });
            expect(sn).toBeCloseTo(pn, 6);
          }
          expect(Object.keys(pure).length).toBeGreaterThan(0);
        }
      }
    });
  });

  it.each(INDICATOR_IDS)('%s: the drill-down lists exactly the dossiers behind each monthly figure of a unit, paged by code', async (id) => {
    for (const period of periodsCovering(...RANGES.month, 'month')) {
      for (const side of ['numerator', 'denominator'] as const) {
        const expected = dossiers
          .filter((d) => d.unit === 'H56.22')
          .filter((d) => {
            const c = contribution(id, d, period, asOf);
            return c !== null && (side === 'denominator' || id === 'avg_resolution_time' || c.numerator > 0);
          })
          .map((d) => d.code)
          .sort();
        const query = { period: 'month' as const, on: `${period.key}-01`, group: { unit: 'H56.22' }, side, asOf, limit: 10_000, offset: 0 };
        const all = await client.query(drillDownQuery(id, query).text, drillDownQuery(id, query).values);
        expect({ period: period.key, side, codes: all.rows.map((r) => r.code) }).toEqual({ period: period.key, side, codes: expected });
        const page = drillDownQuery(id, { ...query, limit: 3, offset: 2 });
        expect((await client.query(page.text, page.values)).rows.map((r) => r.code)).toEqual(expected.slice(2, 5));
      }
    }
  });

  it('creates every view, and indicator_on_time_monthly filtered by unit gives the pure monthly figures', async () => {
    for (const view of indicatorViews()) await client.query(view.sql);
    const { rows } = await client.query(
      `SELECT period, sum(numerator)::float8 AS numerator, sum(denominator)::float8 AS denominator FROM indicator_on_time_monthly WHERE unit = 'H56.22' AND period <= '2025-07' GROUP BY period ORDER BY period`,
    );
    const today = new Date();
    const pure = indicatorReport(dossiers, { indicators: ['on_time'], period: 'month', from: '2025-01-01', to: '2025-07-31', groupBy: ['unit'], asOf: today })
      .filter((r) => r.group.unit === 'H56.22')
      .map((r) => ({ period: r.period, numerator: r.indicators.on_time?.numerator, denominator: r.indicators.on_time?.denominator }));
    expect(rows).toEqual(pure);
    expect(indicatorView('on_time', 'month').name).toBe('indicator_on_time_monthly');
  });
});
