import { MigrationInterface, QueryRunner } from 'typeorm';
import { indicatorViews } from '../../domain/indicators';
import { schemaOf } from './migration-sql';

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** What each column of the indicator views holds (the groupings are dossier_facts columns). */
const VIEW_COLUMNS: Record<string, string> = {
  period: 'Start of the period (local date, Asia/Ho_Chi_Minh).',
  unit: 'Unit that received the dossiers, as it was at reception.',
  successor_unit: 'That unit\'s successor today.',
  department: 'Department or agency of the first processing step.',
  procedure_code: 'National procedure code.',
  field: 'Procedure field.',
  channel: 'ONLINE, COUNTER or POSTAL.',
  numerator: 'Numerator of the indicator for the period and group.',
  denominator: 'Denominator of the indicator for the period and group.',
  rate: 'numerator / denominator; null when the denominator is 0.',
  threshold: 'Rate at or above which the full points are earned (766).',
  max_points: 'Maximum points of the indicator (766).',
  points: 'Points earned: max_points at or above the threshold, else rate × max_points / threshold.',
  time_unit: 'Unit of an average time: WORKING_DAYS or WORKING_HOURS (the procedure\'s own).',
};

/**
 * The analysts' views (`indicator_on_time_monthly`, …), as the indicator rules define them over
 * dossier_facts. Created with the schema first on the search path, so they bind to this schema's
 * table (a rebuilt schema gets its own). A change to the rules' SQL needs a new migration.
 */
export class IndicatorViews1764633600005 implements MigrationInterface {
  name = 'IndicatorViews1764633600005';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`set local search_path to ${s}`);
    for (const view of indicatorViews()) {
      await queryRunner.query(view.sql);
      await queryRunner.query(`comment on view ${s}.${view.name} is ${quote(view.comment)}`);
      const columns: { column_name: string }[] = await queryRunner.query(
        `select column_name from information_schema.columns where table_schema = $1 and table_name = $2`,
        [s, view.name],
      );
      for (const { column_name: column } of columns) {
        await queryRunner.query(`comment on column ${s}.${view.name}.${column} is ${quote(VIEW_COLUMNS[column] ?? `See the comment on ${view.name}.`)}`);
      }
    }
    await queryRunner.query('reset search_path');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const view of indicatorViews()) await queryRunner.query(`drop view if exists ${s}.${view.name}`);
  }
}
