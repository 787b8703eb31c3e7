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

/** Reorganisations of units and the merger each unit took part in; each unit's own office hours. */
export const reorganisationMigrations: Migration[] = [
  {
    id: 'intake/008_reorganisations',
    up: (s) => `
      alter table ${s}.units add column merged_into text, add column reorganisation_id text;
      comment on column ${s}.units.merged_into is 'The unit this one was merged into by a reorganisation (from valid_to on); null while it exists or when it simply ended';
      comment on column ${s}.units.reorganisation_id is 'The reorganisation that merged it (reorganisations.id)';
      create table ${s}.reorganisations (
        id text primary key,
        effective_at timestamptz not null,
        transition_ends_at timestamptz not null,
        abolished_levels text[] not null,
        mergers jsonb not null,
        recorded_at timestamptz not null,
        recorded_by text not null
      );
      comment on table ${s}.reorganisations is 'Reorganisations of administrative units an administrator recorded: units merged into successors from effective_at';
      comment on column ${s}.reorganisations.transition_ends_at is 'Until then the merged units'' officers may still act on the dossiers moved to the successor';
      comment on column ${s}.reorganisations.mergers is 'JSON array of { successor, merged: [codes] }';
      comment on column ${s}.reorganisations.recorded_by is 'The administrator''s officer id (never a name)';
    `,
  },
  {
    id: 'intake/009_unit_office_hours',
    up: (s) => `
      alter table ${s}.units add column office_hours jsonb, add column saturday_hours jsonb;
      comment on column ${s}.units.office_hours is 'The unit''s office hours on working days, JSON [{ start, end }] local HH:MM: the legal clock of the dossiers it receives; null for the default 07:30–11:30, 13:30–17:00';
      comment on column ${s}.units.saturday_hours is 'When the desk also receives on Saturdays, JSON [{ start, end }]; null when it does not';
    `,
  },
];
