import { MigrationInterface, QueryRunner } from 'typeorm';
import { commentsOn, schemaOf } from './migration-sql';

export class Catalogue1764633600003 implements MigrationInterface {
  name = 'Catalogue1764633600003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      create table ${s}.units (
        code text primary key,
        name text not null,
        level text not null,
        parent text,
        successor_of text[] not null default '{}',
        valid_from timestamptz not null,
        valid_to timestamptz
      )`);
    await queryRunner.query(
      commentsOn(s, 'units', 'Administrative units from the catalogue topic (UnitRegistered), with the unit that carries each on today.', {
        code: 'Unit code, e.g. H56.22.',
        name: 'Unit name.',
        level: 'PROVINCE, DISTRICT (historical) or COMMUNE.',
        parent: 'Unit above it, if any.',
        successor_of: 'Units merged into this one (the 2025 reform).',
        valid_from: 'From when the unit exists.',
        valid_to: 'Until when it existed; null while it exists.',
      }),
    );
    // A view, not a stored column: a merger registered later re-points every older unit at once.
    await queryRunner.query(`
      create view ${s}.unit_successors as
      with recursive edge as (
        select distinct on (merged) merged as code, successor.code as successor
          from ${s}.units successor, unnest(successor.successor_of) merged
         where merged <> successor.code
         order by merged, successor.valid_from desc, successor.code
      ), known as (
        select code from ${s}.units union select code from edge
      ), chain as (
        select code, code as current, 0 as depth from known
        union all
        select chain.code, edge.successor, chain.depth + 1 from chain join edge on edge.code = chain.current where chain.depth < 32
      )
      select distinct on (code) code, current as successor_today from chain order by code, depth desc`);
    await queryRunner.query(
      commentsOn(s, 'unit_successors', 'For every unit code ever registered or merged, the unit that carries it on today (following successor links to the end; itself when not merged).', {
        code: 'A unit code, current or merged away.',
        successor_today: 'The unit that carries it on today.',
      }, 'view'),
    );
    await queryRunner.query(`
      create table ${s}.procedures (
        code text not null,
        version integer not null,
        name text not null,
        field text not null,
        level text not null,
        service_level text not null,
        processing_time_value numeric not null,
        processing_time_unit text not null,
        returns_document boolean not null,
        e_result_allowed boolean not null,
        fee_bearing boolean not null,
        sample boolean not null,
        effective_from timestamptz not null,
        retired_at timestamptz,
        primary key (code, version)
      )`);
    await queryRunner.query(
      commentsOn(s, 'procedures', 'Procedure versions from the catalogue topic; a dossier is judged by its own snapshot (dossier_facts), this is for joins.', {
        code: 'National procedure code.',
        version: 'Version number.',
        name: 'Procedure name.',
        field: 'Field (lĩnh vực).',
        level: 'Competent unit level.',
        service_level: 'Online service level FULL, PARTIAL, NONE.',
        processing_time_value: 'Legal processing time.',
        processing_time_unit: 'WORKING_DAYS or WORKING_HOURS.',
        returns_document: 'Returns a document.',
        e_result_allowed: 'An e-result may be issued.',
        fee_bearing: 'Lists a fee or charge above 0 VND.',
        sample: 'Invented sample data, not an official value.',
        effective_from: 'In force from.',
        retired_at: 'Retired; null while in force.',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`drop table ${s}.procedures; drop view ${s}.unit_successors; drop table ${s}.units`);
  }
}
