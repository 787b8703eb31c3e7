import { WorkingCalendar } from '@motcua/calendar';
import { uniqueName } from '@motcua/testing';
import { Client } from 'pg';
import { indicatorTotalsDdl } from '../../database/migrations/1764633600009-indicator-totals';
import { finishedOnTime, INDICATOR_IDS, PERIOD_KINDS, resolutionWorkingMinutes, type GroupKey, type IndicatorInput, type IndicatorSqlQuery, type PeriodKind } from '../../domain/indicators';
import { DOSSIER_FACTS_DDL, insertFacts } from '../../domain/indicators/dossier-facts.test-table';
import { randomDossiers } from '../../domain/indicators/random-dossiers.fixture';
import { reportFromTotals, reportLive, type Queryable } from '../get-indicators/report-readers';
import { drainIndicatorTotals } from './drain-indicator-totals';

const HOUR = 3600_000;
/** One as-of past nearly every fact, one in the middle of them (finished dossiers judged before their last instant). */
const AS_OFS = [new Date('2025-07-10T03:00:00.000Z'), new Date('2025-04-15T03:00:00.000Z')];
const RANGES: Record<PeriodKind, [string, string]> = {
  day: ['2025-03-25', '2025-04-05'],
  month: ['2025-01-01', '2025-07-31'],
  quarter: ['2025-01-01', '2025-09-30'],
  year: ['2024-01-01', '2025-12-31'],
};
const GROUPINGS: GroupKey[][] = [[], ['unit'], ['successorUnit', 'procedure'], ['department', 'field', 'channel'], ['unit', 'successorUnit', 'department', 'procedure', 'field', 'channel']];
const UNIT_FILTERS: IndicatorSqlQuery['units'][] = [undefined, { by: 'successorUnit', codes: ['H56.22'] }];

describe('the report from the indicator totals equals the live report', () => {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] });
  const db: Queryable = { query: async (text, values) => (await client.query(text, values)).rows };
  const schema = uniqueName('totals');
  const calendar = new WorkingCalendar();
  const dossiers = randomDossiers(400, 4242, calendar);

  async function write(changed: IndicatorInput[]): Promise<void> {
    await client.query(`DELETE FROM dossier_facts WHERE dossier_id = ANY($1::uuid[])`, [changed.map((d) => d.dossierId)]);
    await insertFacts(client, changed);
    await client.query(`INSERT INTO indicator_dirty_dossiers SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING`, [changed.map((d) => d.dossierId)]);
  }

  async function drain(limit: number): Promise<number> {
    await client.query('BEGIN');
    const drained = await drainIndicatorTotals(db, limit);
    await client.query('COMMIT');
    return drained;
  }

  /** Every indicator, period kind, grouping, unit filter and as-of; answers how many rows were compared. */
  async function expectEqualEverywhere(): Promise<number> {
    let compared = 0;
    for (const asOf of AS_OFS) {
      for (const period of PERIOD_KINDS) {
        for (const groupBy of GROUPINGS) {
          for (const units of UNIT_FILTERS) {
            const query: IndicatorSqlQuery = { period, groupBy, from: RANGES[period][0], to: RANGES[period][1], asOf, units };
            await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
            const [fromTotals, live] = [await reportFromTotals(db, query, INDICATOR_IDS), await reportLive(db, query, INDICATOR_IDS)];
            await client.query('COMMIT');
            expect({ query, rows: fromTotals }).toEqual({ query, rows: live });
            compared += live.length;
          }
        }
      }
    }
    return compared;
  }

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    await client.query(DOSSIER_FACTS_DDL);
    for (const statement of indicatorTotalsDdl(schema)) await client.query(statement);
    await insertFacts(client, dossiers);
    await client.query(`INSERT INTO indicator_dirty_dossiers SELECT dossier_id FROM dossier_facts`);
  });

  afterAll(async () => {
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  });

  it('holds finished and open dossiers, in hours and days, across period boundaries', () => {
    const open = dossiers.filter((d) => d.receivedAt && !d.resolvedAt && !d.stoppedAt && !d.withdrawnAt);
    expect(open.length).toBeGreaterThan(20);
    expect(dossiers.filter((d) => d.resolvedAt && d.processingTimeUnit === 'WORKING_HOURS').length).toBeGreaterThan(20);
    expect(dossiers.filter((d) => d.resolvedAt && d.processingTimeUnit === 'WORKING_DAYS').length).toBeGreaterThan(20);
    expect(dossiers.filter((d) => d.supplementRequests.length > 0).length).toBeGreaterThan(20);
    expect(new Set(dossiers.map((d) => d.unit)).size).toBeGreaterThan(2);
  });

  it('with every dossier still queued', async () => {
    expect(await expectEqualEverywhere()).toBeGreaterThan(500);
  });

  it('with the queue partly drained', async () => {
    expect(await drain(150)).toBe(150);
    const [{ queued }] = await db.query(`SELECT count(*)::int AS queued FROM indicator_dirty_dossiers`);
    expect(queued).toBe(250);
    await expectEqualEverywhere();
  });

  it('with the queue drained, the totals holding every finished dossier', async () => {
    while ((await drain(100)) > 0);
    const [{ queued }] = await db.query(`SELECT count(*)::int AS queued FROM indicator_dirty_dossiers`);
    expect(queued).toBe(0);
    const [{ summed }] = await db.query(`SELECT sum(dossiers)::int AS summed FROM indicator_totals WHERE period_kind = 'year'`);
    const finished = dossiers.filter((d) => d.receivedAt && (d.resolvedAt ?? d.resultIssuedAt ?? d.stoppedAt ?? d.withdrawnAt));
    expect(summed).toBe(finished.length);
    await expectEqualEverywhere();
  });

  it('after facts change: a dossier resolved later, an e-result issued after resolution, a successor re-pointed', async () => {
    const resolvedLater = dossiers.filter((d) => d.receivedAt && !d.resolvedAt && !d.stoppedAt && !d.withdrawnAt).slice(0, 5);
    for (const d of resolvedLater) {
      d.resolvedAt = new Date((d.receivedAt as Date).getTime() + 30 * 24 * HOUR);
      d.resolutionWorkingMinutes = resolutionWorkingMinutes(d, calendar);
      d.finishedOnTime = finishedOnTime(d);
    }
    const eResultLater = dossiers.filter((d) => d.resolvedAt && !d.resultIssuedAt && !resolvedLater.includes(d)).slice(0, 5);
    for (const d of eResultLater) Object.assign(d, { resultIssuedAt: new Date((d.resolvedAt as Date).getTime() + 50 * HOUR), eResult: true });
    const repointed = dossiers.filter((d) => d.unit === 'H56.01' && !resolvedLater.includes(d) && !eResultLater.includes(d));
    for (const d of repointed) d.successorUnit = 'H56.22';
    expect([resolvedLater.length, eResultLater.length, repointed.length > 10]).toEqual([5, 5, true]);
    await write([...resolvedLater, ...eResultLater, ...repointed]);
    await expectEqualEverywhere();
    await drain(7);
    await expectEqualEverywhere();
    while ((await drain(100)) > 0);
    await expectEqualEverywhere();
  }, 180_000);
});
