import type { Migration } from '@motcua/event-store';

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
];
