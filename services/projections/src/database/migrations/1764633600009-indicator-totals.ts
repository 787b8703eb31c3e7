import { MigrationInterface, QueryRunner } from 'typeorm';
import { commentsOn, schemaOf } from './migration-sql';

const FINISHED = 'LEAST(resolved_at, result_issued_at, stopped_at, rejected_at, withdrawn_at)';
const INDICATORS = ['on_time', 'on_time_plain', 'avg_resolution_time', 'online_share', 'online_share_plain', 'online_payment', 'e_result', 'digitisation', 'data_reuse', 'in_progress', 'due_soon', 'overdue_in_progress', 'late_resolved'];
const AVG_PARTS: Record<string, string> = {
  avg_resolution_time__hours: 'Sum of the resolution times in working hours (working minutes / 60).',
  avg_resolution_time__days: 'Sum of the resolution times in working days (working minutes / the working day\'s minutes).',
  avg_resolution_time__hour_rows: 'Dossiers in avg_resolution_time__d whose procedure counts in working hours.',
  avg_resolution_time__day_rows: 'Dossiers in avg_resolution_time__d whose procedure counts in other units. The average is __hours / __d when this is 0 and __hour_rows is not, else __days / __d.',
};

/** The additive columns as of this migration (a later indicator needs a later migration). */
const MEASURES: Record<string, string> = Object.fromEntries(
  INDICATORS.flatMap((id) =>
    id === 'avg_resolution_time'
      ? [[`${id}__d`, 'Dossiers counted in the average resolution time (resolved, received in the period).'], ...Object.entries(AVG_PARTS)]
      : [
          [`${id}__n`, `Numerator of ${id}.`],
          [`${id}__d`, `Denominator of ${id}.`],
        ],
  ),
);

const GROUPS: Record<string, string> = {
  unit: 'Unit that received the dossiers, as it was at reception.',
  successor_unit: "That unit's successor today.",
  department: 'Department or agency of the first processing step.',
  procedure_code: 'National procedure code.',
  field: 'Procedure field.',
  channel: 'ONLINE, COUNTER or POSTAL.',
};
const PERIOD: Record<string, string> = {
  period_kind: 'day, month, quarter or year.',
  period_start: 'The instant the period starts (local midnight, Asia/Ho_Chi_Minh).',
  period: 'The period as the API names it (2025-03-01, 2025-03, 2025-Q1, 2025).',
};
const measureColumns = Object.keys(MEASURES).map((c) => `${c} float8 not null`).join(', ');
const groupColumns = Object.keys(GROUPS).map((c) => `${c} text`).join(', ');

/** The tables of the indicator totals, in `s`: also what an integration spec creates beside its own dossier_facts. */
export function indicatorTotalsDdl(s: string): string[] {
  return [
    `create table ${s}.indicator_dirty_dossiers (dossier_id uuid primary key)`,
    commentsOn(s, 'indicator_dirty_dossiers', 'Dossiers whose facts changed since their contributions were last computed (the indicator totals queue); drained in batches by the projections service. Reports count these dossiers live.', {
      dossier_id: 'The dossier (dossier_facts.dossier_id).',
    }),
    `create table ${s}.indicator_contributions (dossier_id uuid not null, period_kind text not null, period_start timestamptz not null, period text not null, ${groupColumns}, settled_at timestamptz not null, ${measureColumns}, primary key (dossier_id, period_kind, period_start))`,
    `create index indicator_contributions_settled on ${s}.indicator_contributions (settled_at)`,
    commentsOn(s, 'indicator_contributions', 'What each finished dossier counts for in each period it counts in, per indicator (0 or 1 for a count), as the indicator report computes it; summed in indicator_totals.', {
      dossier_id: 'The dossier (dossier_facts.dossier_id).',
      ...PERIOD,
      ...GROUPS,
      settled_at: 'The last of its reception, resolution and finish: reports judged after it take these figures as they are.',
      ...MEASURES,
    }),
    `create table ${s}.indicator_totals (period_kind text not null, period_start timestamptz not null, period text not null, ${groupColumns}, dossiers bigint not null, ${measureColumns},
       constraint indicator_totals_group unique nulls not distinct (period_kind, period_start, ${Object.keys(GROUPS).join(', ')}))`,
    commentsOn(s, 'indicator_totals', 'Sums of indicator_contributions per period and finest group: the finished dossiers\' part of every indicator. Dossiers still open, and those in indicator_dirty_dossiers, are not (or not correctly) in it: the report adds them live.', {
      ...PERIOD,
      ...GROUPS,
      dossiers: 'Finished dossiers summed in the row.',
      ...MEASURES,
    }),
    // Reports count live the dossiers whose figures may still change as of now: open ones, and
    // finished ones judged before their last instant (SETTLED_AT in indicator-report-sql.ts).
    `create index dossier_facts_settled on ${s}.dossier_facts ((CASE WHEN ${FINISHED} IS NULL THEN 'infinity'::timestamptz ELSE GREATEST(received_at, resolved_at, ${FINISHED}) END))`,
  ];
}

/** The indicator totals (see docs/analysts.md): contributions per finished dossier, their sums, and the queue of dossiers to recompute. */
export class IndicatorTotals1764633600009 implements MigrationInterface {
  name = 'IndicatorTotals1764633600009';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const statement of indicatorTotalsDdl(s)) await queryRunner.query(statement);
    // Facts already projected have no contributions yet: every one is counted live until drained.
    await queryRunner.query(`insert into ${s}.indicator_dirty_dossiers (dossier_id) select dossier_id from ${s}.dossier_facts`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`drop index ${s}.dossier_facts_settled`);
    for (const table of ['indicator_totals', 'indicator_contributions', 'indicator_dirty_dossiers']) await queryRunner.query(`drop table ${s}.${table}`);
  }
}
