import { MigrationInterface, QueryRunner } from 'typeorm';
import { indicatorViews } from '../../domain/indicators';
import { columnComment, schemaOf } from './migration-sql';

const PERIOD = "The period's key in Asia/Ho_Chi_Minh local time: 2025-03-14 (day), 2025-03 (month), 2025-Q1 (quarter), 2025 (year). Text; it sorts in time order within one period kind.";

/** The views' `period` column holds the period's key, not its start date as first described. */
export class ViewPeriodComment1764633600008 implements MigrationInterface {
  name = 'ViewPeriodComment1764633600008';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const view of indicatorViews()) await queryRunner.query(columnComment(s, view.name, 'period', PERIOD));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const view of indicatorViews()) await queryRunner.query(columnComment(s, view.name, 'period', 'Start of the period (local date, Asia/Ho_Chi_Minh).'));
  }
}
