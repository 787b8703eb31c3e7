import type { Migration } from '@motcua/event-store';
import { vietnameseLetterMap } from '../../domain/catalogue/search-key';

/** searchKey in SQL, for rows written before the key existed (NFC Vietnamese, as the catalogue holds it). */
const sqlSearchKey = (column: string) => {
  const { from, to } = vietnameseLetterMap();
  return `btrim(regexp_replace(lower(translate(${column}, '${from}', '${to}')), '\\s+', ' ', 'g'))`;
};

/** Read tables of the catalogue, rebuilt from the procedure and unit streams in the writing transaction. */
export const catalogueUnitMigrations: Migration[] = [
  {
    id: 'intake/004_catalogue_units',
    up: (s) => `
      create table ${s}.units (
        code text primary key,
        name text not null,
        level text not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
        kind text not null,
        parent text,
        successor_of text[] not null default '{}',
        valid_from timestamptz not null,
        valid_to timestamptz,
        sample boolean not null,
        registered_at timestamptz not null
      );
      comment on table ${s}.units is 'Administrative units and agencies (UnitRegistered); units merged in the 2025 reform name their predecessors.';
      comment on column ${s}.units.successor_of is 'Codes of the units merged into this one';
      comment on column ${s}.units.valid_to is 'When the unit ceased to exist; null while it exists';
      comment on column ${s}.units.sample is 'Invented for demonstration, not from an official list';
      create index units_parent on ${s}.units (parent);
      create index procedure_versions_units on ${s}.procedure_versions using gin ((definition -> 'units'));
    `,
  },
  {
    id: 'intake/005_catalogue_search',
    up: (s) => `
      alter table ${s}.procedure_versions add column name_key text;
      update ${s}.procedure_versions set name_key = ${sqlSearchKey(`definition->>'name'`)};
      alter table ${s}.procedure_versions alter column name_key set not null;
      comment on column ${s}.procedure_versions.name_key is 'The name without Vietnamese marks, lower case: what portals search and sort by (searchKey)';
      alter table ${s}.units add column name_key text;
      update ${s}.units set name_key = ${sqlSearchKey('name')};
      alter table ${s}.units alter column name_key set not null;
      comment on column ${s}.units.name_key is 'The name without Vietnamese marks, lower case (searchKey)';
      create index units_successor_of on ${s}.units using gin (successor_of);
    `,
  },
];
