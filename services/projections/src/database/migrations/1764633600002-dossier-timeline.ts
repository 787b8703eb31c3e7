import { MigrationInterface, QueryRunner } from 'typeorm';
import { commentsOn, schemaOf } from './migration-sql';

export class DossierTimeline1764633600002 implements MigrationInterface {
  name = 'DossierTimeline1764633600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      create table ${s}.dossier_timeline (
        event_id uuid primary key,
        dossier_id uuid not null,
        occurred_at timestamptz not null,
        service text not null,
        event_type text not null,
        status_after text not null,
        actor_role text not null
      )`);
    await queryRunner.query(`create index dossier_timeline_dossier on ${s}.dossier_timeline (dossier_id, occurred_at)`);
    await queryRunner.query(
      commentsOn(s, 'dossier_timeline', 'Every status change of every dossier, from every service; never personal data (no applicant, no officer).', {
        event_id: 'The integration event that made the step (unique: a step is recorded once).',
        dossier_id: 'The dossier.',
        occurred_at: 'Domain time of the step.',
        service: 'Service that recorded it: intake, processing, issuance.',
        event_type: 'Integration event type, e.g. DossierReceived.',
        status_after: 'Status the step leads to (see dossier_facts.status).',
        actor_role: 'Role that caused it: APPLICANT, PORTAL, RECEPTION_OFFICER, PROCESSING_OFFICER, LEADER or SYSTEM.',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table ${schemaOf(queryRunner)}.dossier_timeline`);
  }
}
