import { MigrationInterface, QueryRunner } from 'typeorm';
import { columnComment, schemaOf } from './migration-sql';

const RESOLUTION_BEFORE = 'Office minutes from reception to resolution less the supplement and pay-first waits (766 §2.2), by the default working calendar; null until resolved.';
const WORKING_DAY_BEFORE = 'Office minutes in one working day, to state resolution time in days.';

/**
 * The calendar terms a dossier's due dates were computed with (intake's reception records the
 * holiday table and the unit's own office hours): the statistics count its working time by them,
 * as processing does, rather than by the default office hours.
 */
export class DossierCalendarTerms1764633600010 implements MigrationInterface {
  name = 'DossierCalendarTerms1764633600010';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`alter table ${s}.dossier_facts add column calendar_terms jsonb`);
    await queryRunner.query(
      columnComment(s, 'dossier_facts', 'calendar_terms', "The holiday table version and the receiving unit's office hours the dossier's due dates were computed with, from intake's reception: {holidayTable, officeHours: [{start, end}]} in local wall-clock time. Null for dossiers received before they were recorded (computed with the default 07:30-11:30, 13:30-17:00), and for rows projected before this column existed until a rebuild (POST /v1/projections/rebuild)."),
    );
    await queryRunner.query(
      columnComment(s, 'dossier_facts', 'resolution_working_minutes', "Office minutes from reception to resolution less the supplement and pay-first waits (766 §2.2), counted by the dossier's calendar_terms (the defaults where null); null until resolved."),
    );
    await queryRunner.query(columnComment(s, 'dossier_facts', 'working_day_minutes', "Office minutes in one of the dossier's working days by its calendar_terms (450 by default), to state resolution time in days."));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(columnComment(s, 'dossier_facts', 'working_day_minutes', WORKING_DAY_BEFORE));
    await queryRunner.query(columnComment(s, 'dossier_facts', 'resolution_working_minutes', RESOLUTION_BEFORE));
    await queryRunner.query(`alter table ${s}.dossier_facts drop column calendar_terms`);
  }
}
