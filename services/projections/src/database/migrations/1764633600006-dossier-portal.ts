import { MigrationInterface, QueryRunner } from 'typeorm';
import { columnComment, schemaOf } from './migration-sql';

/** The submitting portal, so that a portal's timeline lookup reaches only the dossiers it submitted (OWASP API1). */
export class DossierPortal1764633600006 implements MigrationInterface {
  name = 'DossierPortal1764633600006';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`alter table ${s}.dossier_facts add column portal text`);
    await queryRunner.query(
      columnComment(s, 'dossier_facts', 'portal', "Name of the portal that submitted an online dossier (its API key's registered name, never the key), from intake's events; null for counter and postal dossiers and for events written before portals were recorded. A row projected before this column existed stays null until a rebuild (POST /v1/projections/rebuild)."),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table ${schemaOf(queryRunner)}.dossier_facts drop column portal`);
  }
}
