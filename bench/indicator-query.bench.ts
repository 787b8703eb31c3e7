import { randomBytes } from 'node:crypto';
import { FixedClock, type Principal } from '@motcua/platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DrillDown } from '../services/projections/src/application/get-indicators/drill-down.query';
import { GetIndicators, type IndicatorsAsked } from '../services/projections/src/application/get-indicators/get-indicators.query';
import { drainIndicatorTotals } from '../services/projections/src/application/refresh-indicator-totals/drain-indicator-totals';
import { projectionsDataSourceOptions } from '../services/projections/src/database/projections-data-source';
import { PROJECTIONS_SCHEMA } from '../services/projections/src/database/projections-schema';
import { percentile, timed } from './stats';
import { loadFacts, loadUnits, unitCode } from './synthetic-facts';

const FACTS = Number(process.env['BENCH_INDICATOR_FACTS'] ?? 1_000_000);
/** Dossiers per drain transaction while the totals are built once after the load. */
const DRAIN_BATCH = Number(process.env['BENCH_INDICATOR_DRAIN_BATCH'] ?? 20_000);
const RUNS = Number(process.env['BENCH_INDICATOR_RUNS'] ?? 30);
const WARMUPS = Number(process.env['BENCH_INDICATOR_WARMUPS'] ?? 3);
const AS_OF = new Date('2025-06-05T03:00:00.000Z');
const ADMIN: Principal = { kind: 'officer', id: 'bench-admin', role: 'ADMIN', unit: 'H56' };
/** A unit of today with a merged predecessor: its figures cover both. */
const UNIT = unitCode(7);
const FINISHED_AT = 'LEAST(resolved_at, result_issued_at, stopped_at, rejected_at, withdrawn_at)';

interface Case {
  name: string;
  run: () => Promise<unknown>;
  /** One pass over the same rows and range: the dossiers any period could count, per unit. */
  baseline: () => Promise<unknown>;
}

/**
 * Latency of the Decision 766 indicator report over a province's dossier facts, through the
 * query object the REST controller runs (as ADMIN), beside a plain `count(*) … GROUP BY unit` of
 * the rows the same range can reach, measured in the same run on the same table.
 */
export async function benchIndicatorQuery(serverUrl: string): Promise<void> {
  const { url, drop } = await freshDatabase(serverUrl);
  const dataSource = new DataSource(projectionsDataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.query(`create schema ${PROJECTIONS_SCHEMA}`);
    await dataSource.runMigrations();
    await loadUnits(dataSource, PROJECTIONS_SCHEMA);
    const load = await timed(() => loadFacts(dataSource, PROJECTIONS_SCHEMA, FACTS, AS_OF));
    const analyse = await timed(() => dataSource.query(`ANALYZE ${PROJECTIONS_SCHEMA}.dossier_facts`));
    const size: { rows: string; bytes: string }[] = await dataSource.query(
      `SELECT count(*) AS rows, pg_size_pretty(pg_total_relation_size('${PROJECTIONS_SCHEMA}.dossier_facts')) AS bytes FROM ${PROJECTIONS_SCHEMA}.dossier_facts`,
    );
    process.stdout.write(`\nIndicator queries: loaded ${size[0].rows} facts (${size[0].bytes} with indexes) in ${load.seconds.toFixed(1)} s, ANALYZE ${analyse.seconds.toFixed(1)} s\n`);
    // The facts were loaded behind the projection's back: queue them all, as the projection
    // batches would have, and drain the queue once, so the reports read drained totals.
    await dataSource.query(`INSERT INTO ${PROJECTIONS_SCHEMA}.indicator_dirty_dossiers SELECT dossier_id FROM ${PROJECTIONS_SCHEMA}.dossier_facts`);
    const drain = await timed(async () => {
      for (let drained = DRAIN_BATCH; drained === DRAIN_BATCH; ) {
        drained = await dataSource.transaction(async (manager) => {
          await manager.query(`SET LOCAL search_path TO ${PROJECTIONS_SCHEMA}`);
          await manager.query(`SET LOCAL jit = off`);
          await manager.query(`SET LOCAL work_mem = '256MB'`);
          return drainIndicatorTotals(manager, DRAIN_BATCH);
        });
      }
    });
    await dataSource.query(`ANALYZE ${PROJECTIONS_SCHEMA}.indicator_totals; ANALYZE ${PROJECTIONS_SCHEMA}.indicator_contributions`);
    const totals: { rows: string; contributions: string; bytes: string }[] = await dataSource.query(
      `SELECT (SELECT count(*) FROM ${PROJECTIONS_SCHEMA}.indicator_totals) AS rows, (SELECT count(*) FROM ${PROJECTIONS_SCHEMA}.indicator_contributions) AS contributions,
              pg_size_pretty(pg_total_relation_size('${PROJECTIONS_SCHEMA}.indicator_totals') + pg_total_relation_size('${PROJECTIONS_SCHEMA}.indicator_contributions')) AS bytes`,
    );
    process.stdout.write(`Indicator totals: ${totals[0].contributions} contributions, ${totals[0].rows} totals rows (${totals[0].bytes}), drained in ${drain.seconds.toFixed(1)} s (${DRAIN_BATCH} dossiers a transaction)\n`);

    const clock = new FixedClock(AS_OF);
    const indicators = new GetIndicators(dataSource, clock);
    const drillDown = new DrillDown(dataSource, clock);
    type Asked = Partial<IndicatorsAsked> & Pick<IndicatorsAsked, 'from' | 'to' | 'period'>;
    // `run` reads the drained totals and counts the open dossiers live; `runLive` is the one pass it replaced.
    const report = (asked: Asked) => indicators.run({ groupBy: [], indicators: [], by: 'successorUnit', ...asked }, ADMIN);
    const reportLive = (asked: Asked) => indicators.runLive({ groupBy: [], indicators: [], by: 'successorUnit', ...asked }, ADMIN);
    const population = (from: string, to: string, units?: string[]) => () =>
      dataSource.query(
        `SELECT unit, count(*) FROM ${PROJECTIONS_SCHEMA}.dossier_facts
          WHERE received_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
            AND (${FINISHED_AT} IS NULL OR ${FINISHED_AT} >= $1::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
            ${units ? 'AND successor_unit = ANY($3::text[])' : ''}
          GROUP BY unit`,
        [from, to, ...(units ? [units] : [])],
      );
    const cases: Case[] = [
      {
        name: `(a) March 2025, unit ${UNIT}, all indicators`,
        run: () => report({ from: '2025-03-01', to: '2025-03-31', period: 'month', unit: UNIT }),
        baseline: population('2025-03-01', '2025-03-31', [UNIT, unitCode(127)]),
      },
      {
        name: '(b) year 2024, province by unit, all indicators',
        run: () => report({ from: '2024-01-01', to: '2024-12-31', period: 'year', groupBy: ['unit'] }),
        baseline: population('2024-01-01', '2024-12-31'),
      },
      {
        name: '(b-live) (b) in one live pass (before totals)',
        run: () => reportLive({ from: '2024-01-01', to: '2024-12-31', period: 'year', groupBy: ['unit'] }),
        baseline: population('2024-01-01', '2024-12-31'),
      },
      {
        name: '(b\') 2024 by month, province by unit, all',
        run: () => report({ from: '2024-01-01', to: '2024-12-31', period: 'month', groupBy: ['unit'] }),
        baseline: population('2024-01-01', '2024-12-31'),
      },
      {
        name: `(c) drill-down: on_time denominator, (a)'s month`,
        run: () => drillDown.run({ id: 'on_time', side: 'denominator', period: 'month', on: '2025-03-01', group: { successorUnit: UNIT }, by: 'successorUnit', limit: 50 }, ADMIN),
        baseline: population('2025-03-01', '2025-03-31', [UNIT, unitCode(127)]),
      },
    ];
    // Each case's figures as soon as they are measured: the live pass of a province's year takes minutes of runs.
    process.stdout.write(`${RUNS} warm runs each after ${WARMUPS} warm-ups, as of ${AS_OF.toISOString()}\n${'case'.padEnd(48)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'max ms'.padStart(9)}\n`);
    for (const c of cases) {
      const [query, raw] = [await latencies(c.run), await latencies(c.baseline)];
      const lines = [line(c.name, query), line('    baseline: count(*) GROUP BY unit', raw), `${''.padEnd(48)} p99 ${(query.p99 / raw.p99).toFixed(1)}× the baseline`];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  } finally {
    await dataSource.destroy();
    await drop();
  }
}

async function latencies(work: () => Promise<unknown>): Promise<{ p50: number; p99: number; max: number }> {
  for (let i = 0; i < WARMUPS; i++) await work();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push((await timed(work)).seconds * 1000);
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), max: ms[ms.length - 1] };
}

function line(name: string, m: { p50: number; p99: number; max: number }): string {
  return `${name.padEnd(48)} ${m.p50.toFixed(1).padStart(9)} ${m.p99.toFixed(1).padStart(9)} ${m.max.toFixed(1).padStart(9)}`;
}

/** A database of its own, so the live schema name (which the query sets as its search path) is free. */
async function freshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_indicators_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`).finally(() => client.end());
    },
  };
}
