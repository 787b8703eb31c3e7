import type { DataSource } from 'typeorm';

/** The province's units: 120 that exist today, 50 more merged into the first 50 (successor_of). */
export const SURVIVING_UNITS = 120;
export const MERGED_UNITS = 50;
export const unitCode = (n: number) => `H56.${String(n).padStart(3, '0')}`;

/** The registry the caller's scope is resolved in: the province, its units, the mergers into them. */
export async function loadUnits(dataSource: DataSource, schema: string): Promise<void> {
  const rows = [`('H56', 'Tỉnh', 'PROVINCE', NULL, '{}', '2000-01-01', NULL)`];
  for (let n = 1; n <= SURVIVING_UNITS + MERGED_UNITS; n++) {
    const merged = n <= MERGED_UNITS ? [n + SURVIVING_UNITS].map(unitCode) : [];
    const gone = n > SURVIVING_UNITS ? `'2025-07-01'` : 'NULL';
    rows.push(`('${unitCode(n)}', 'Đơn vị ${n}', 'COMMUNE', 'H56', '{${merged.join(',')}}', '2000-01-01', ${gone})`);
  }
  await dataSource.query(`INSERT INTO ${schema}.units (code, name, level, parent, successor_of, valid_from, valid_to) VALUES ${rows.join(', ')}`);
}

/**
 * `count` dossier facts in one INSERT … SELECT over generate_series, shaped like a province's
 * year and a half (receptions from January 2024 to May 2025 in office hours): 2% rejected at the
 * desk, 61% online, about 99% resolved by their due date, 4% with one supplement request and
 * 0.5% with two, 3% with a due-date change, 10% pay-first, a few stopped or withdrawn, and every
 * dossier whose resolution falls after `asOf` still open. Seeded, so every run loads the same rows.
 */
export async function loadFacts(dataSource: DataSource, schema: string, count: number, asOf: Date): Promise<void> {
  const units = SURVIVING_UNITS + MERGED_UNITS;
  // Bulk-load practice: the migrations' indexes are dropped and built again once the rows are in,
  // which is minutes faster than maintaining seven btrees (two of them random uuids) row by row.
  const indexes: { name: string; definition: string }[] = await dataSource.query(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = $1 AND tablename = 'dossier_facts' AND indexname <> 'dossier_facts_pkey'`,
    [schema],
  );
  for (const { name } of indexes) await dataSource.query(`DROP INDEX ${schema}.${name}`);
  await dataSource.query(`SELECT setseed(0.766)`);
  await dataSource.query(`
    INSERT INTO ${schema}.dossier_facts (
      dossier_id, code, status, unit, successor_unit, department, procedure_code, field, level, channel,
      processing_time_value, processing_time_unit, returns_document, e_result_allowed, pay_first, fee_bearing,
      fee_assessed, paid_online, received_at, rejected_at, withdrawn_at, stopped_at, resolved_at, result_issued_at,
      due_at, due_history, supplement_count, supplement_requests, payment_wait_from, payment_wait_until,
      resolution_working_minutes, finished_on_time, working_day_minutes, all_electronic, e_result, reused)
    WITH s AS (
      SELECT i, 1 + floor(random() * ${units})::int AS u, floor(random() * 40)::int AS proc,
             random() AS r_day, random() AS r_hour, random() AS r_channel, random() AS r_speed, random() AS r_late,
             random() AS r_sup, random() AS r_due, random() AS r_end, random() AS r_fee, random() AS r_e
        FROM generate_series(1, ${count}) i
    ), t AS (
      SELECT s.*,
             ((timestamp '2024-01-01' + floor(r_day * 517) * interval '1 day' + (7.5 + r_hour * 9.5) * interval '1 hour') AT TIME ZONE 'Asia/Ho_Chi_Minh') AS rec,
             (proc % 10 = 9) AS hours, 1 + proc % 15 AS days,
             CASE WHEN r_sup < 0.005 THEN 2 WHEN r_sup < 0.045 THEN 1 ELSE 0 END AS sups
        FROM s
    ), d AS (
      SELECT t.*,
             rec + CASE WHEN hours THEN (days * 2) * interval '1 hour' ELSE (days * 1.4) * interval '1 day' END AS due0,
             CASE WHEN r_due < 0.03 THEN interval '5 days' END AS ext,
             r_late < 0.01 OR sups = 2 AS late
        FROM t
    ), f AS (
      SELECT d.*, due0 + coalesce(ext, interval '0') AS due1,
             CASE WHEN late THEN due0 + coalesce(ext, interval '0') + (1 + r_speed * 10) * interval '1 day'
                  ELSE rec + (due0 + coalesce(ext, interval '0') - rec) * (0.2 + r_speed * 0.8) END AS res,
             CASE WHEN r_end < 0.02 THEN 'REJECTED' WHEN r_end < 0.025 THEN 'WITHDRAWN' WHEN r_end < 0.028 THEN 'STOPPED'
                  WHEN r_end < 0.033 THEN 'STUCK' ELSE 'RESOLVED' END AS fate
        FROM d
    ), g AS (
      SELECT f.*, (fate = 'RESOLVED' AND res <= $1::timestamptz) AS done, rec + (res - rec) / 3 AS mid
        FROM f
    )
    SELECT md5(i::text)::uuid,
           'H56.' || lpad(u::text, 3, '0') || '-' || to_char(rec AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(i::text, 7, '0'),
           CASE WHEN fate = 'REJECTED' THEN 'REJECTED' WHEN fate = 'WITHDRAWN' THEN 'WITHDRAWN' WHEN fate = 'STOPPED' THEN 'STOPPED' WHEN done THEN 'COMPLETED' ELSE 'IN_PROCESSING' END,
           'H56.' || lpad(u::text, 3, '0'),
           'H56.' || lpad((CASE WHEN u > ${SURVIVING_UNITS} THEN (u - ${SURVIVING_UNITS} - 1) % ${MERGED_UNITS} + 1 ELSE u END)::text, 3, '0'),
           'SO-' || (proc % 18), '1.00' || lpad(proc::text, 4, '0'), 'Lĩnh vực ' || (proc % 12), 'COMMUNE',
           CASE WHEN r_channel < 0.61 THEN 'ONLINE' WHEN r_channel < 0.97 THEN 'COUNTER' ELSE 'POSTAL' END,
           CASE WHEN hours THEN days * 2 ELSE days END, CASE WHEN hours THEN 'WORKING_HOURS' ELSE 'WORKING_DAYS' END,
           proc % 5 <> 0, proc % 10 < 7, proc % 10 = 3, proc % 5 < 2,
           CASE WHEN proc % 5 < 2 THEN CASE WHEN r_channel < 0.61 AND proc % 3 = 0 THEN 0 ELSE 50000 END END,
           proc % 5 < 2 AND r_channel < 0.61 AND r_fee < 0.8 AND proc % 3 <> 0,
           CASE WHEN fate <> 'REJECTED' THEN rec END, CASE WHEN fate = 'REJECTED' THEN rec END,
           CASE WHEN fate = 'WITHDRAWN' THEN mid END, CASE WHEN fate = 'STOPPED' THEN mid END,
           CASE WHEN done THEN res END, CASE WHEN done AND res + interval '2 hours' <= $1::timestamptz THEN res + interval '2 hours' END,
           CASE WHEN fate <> 'REJECTED' THEN due1 END,
           CASE WHEN fate = 'REJECTED' THEN '[]'::jsonb
                WHEN ext IS NULL THEN jsonb_build_array(jsonb_build_object('changedAt', rec, 'dueAt', due0, 'dueSoonFrom', due0 - interval '1 day'))
                ELSE jsonb_build_array(jsonb_build_object('changedAt', rec, 'dueAt', due0, 'dueSoonFrom', due0 - interval '1 day'),
                                       jsonb_build_object('changedAt', mid, 'dueAt', due1, 'dueSoonFrom', due1 - interval '1 day')) END,
           CASE WHEN fate = 'REJECTED' THEN 0 ELSE sups END,
           CASE WHEN fate = 'REJECTED' OR sups = 0 THEN '[]'::jsonb
                ELSE (SELECT jsonb_agg(jsonb_build_object('requestId', md5(i::text || k), 'sequence', k, 'requestedAt', rec + (mid - rec) * k / 3,
                             'answeredAt', CASE WHEN done OR rec + (mid - rec) * k / 3 + interval '1 day' <= $1::timestamptz THEN rec + (mid - rec) * k / 3 + interval '1 day' END) ORDER BY k)
                        FROM generate_series(1, sups) k) END,
           CASE WHEN proc % 10 = 3 AND fate <> 'REJECTED' THEN rec END, CASE WHEN proc % 10 = 3 AND fate <> 'REJECTED' THEN rec + interval '1 hour' END,
           CASE WHEN done THEN (extract(epoch FROM res - rec) / 60 * 0.3)::int END,
           CASE WHEN fate = 'REJECTED' THEN false WHEN fate IN ('WITHDRAWN', 'STOPPED') THEN mid <= due1 WHEN done THEN NOT late END,
           480, r_e < 0.7, proc % 10 < 7 AND proc % 5 <> 0 AND r_e < 0.6, r_e < 0.15
      FROM g`, [asOf]);
  for (const { definition } of indexes) await dataSource.query(definition);
}
