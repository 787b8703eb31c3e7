import type { Migration } from '@motcua/event-store';

/** Read tables, written in the transaction of the events they follow from. Ids are text: contracts allow any short id. */
export const digitisationTablesMigrations: Migration[] = [
  {
    id: 'digitisation/001_documents',
    up: (s) => `
      create table ${s}.documents (
        document_id text primary key,
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        media_type text not null,
        bytes bigint not null check (bytes >= 0),
        origin text not null check (origin in ('UPLOAD', 'SCAN', 'RESULT')),
        stored_at timestamptz not null,
        stored_by text not null,
        stored_by_unit text,
        applicant_ref text
      );
      create index documents_sha256 on ${s}.documents (sha256);
      comment on table ${s}.documents is 'Every document stored: its content hash (the file''s address in the store), type, size, origin, and who stored it (portal name or officer id and unit).';

      create table ${s}.dossiers (
        dossier_id uuid primary key,
        code text not null,
        unit text not null,
        agencies text[] not null,
        applicant_ref text not null,
        channel text not null,
        received_at timestamptz not null,
        digitised_at timestamptz
      );
      comment on table ${s}.dossiers is 'Received dossiers as digitisation knows them; digitised_at: when every component last came to exist in electronic form.';

      create table ${s}.dossier_components (
        dossier_id uuid not null references ${s}.dossiers,
        component_id text not null,
        name text not null,
        provenance text not null check (provenance in ('ELECTRONIC', 'PAPER', 'REUSED')),
        status text not null,
        document_id text,
        pages integer,
        officer_id text,
        refusal text,
        since timestamptz not null,
        primary key (dossier_id, component_id)
      );
      create index dossier_components_awaiting_scan on ${s}.dossier_components (dossier_id) where status = 'AWAITING_SCAN';
      comment on table ${s}.dossier_components is 'Each component''s digitisation status (ELECTRONIC, DIGITISED, REUSED are electronic form); AWAITING_SCAN rows are the counter''s scanning tasks.';

      create table ${s}.paper_results (
        dossier_id uuid primary key references ${s}.dossiers,
        document_number text not null,
        issued_at timestamptz not null,
        status text not null check (status in ('AWAITING_SCAN', 'DIGITISED')),
        document_id text,
        pages integer,
        officer_id text,
        digitised_at timestamptz
      );
      comment on table ${s}.paper_results is 'Paper results issued, and their scans.';

      create table ${s}.dossier_documents (
        document_id text not null,
        dossier_id uuid not null references ${s}.dossiers,
        primary key (document_id, dossier_id)
      );
      comment on table ${s}.dossier_documents is 'Which dossiers use which documents (uploaded, scanned, reused, results): their officers may read them.';

      create table ${s}.repository_documents (
        document_id text primary key,
        applicant_ref text not null,
        dossier_id uuid not null references ${s}.dossiers,
        component_id text,
        name text,
        source text not null check (source in ('ELECTRONIC', 'SCAN', 'RESULT')),
        filed_at timestamptz not null
      );
      create index repository_documents_applicant on ${s}.repository_documents (applicant_ref, filed_at desc);
      comment on table ${s}.repository_documents is 'The applicants'' document repository, by applicant reference (a keyed hash, never the ID): electronic, scanned and result documents of received dossiers, the first dossier that brought each.';
    `,
  },
  {
    id: 'digitisation/002_dossiers_closed',
    up: (s) => `
      alter table ${s}.dossiers add column closed_at timestamptz;
      comment on column ${s}.dossiers.closed_at is 'When the dossier was withdrawn after reception: its scanning tasks are closed.';
    `,
  },
  {
    id: 'digitisation/003_portal_scope',
    // Officers always stored with their unit, so a row without one is a portal's upload under its name.
    up: (s) => `
      alter table ${s}.documents add column stored_by_portal text;
      update ${s}.documents set stored_by_portal = stored_by where stored_by_unit is null;
      comment on column ${s}.documents.stored_by_portal is 'The portal that uploaded the document (null: an officer); that portal may read it.';
      alter table ${s}.dossiers add column portal text;
      comment on column ${s}.dossiers.portal is 'The portal that submitted the dossier online (from DossierReceived); it may read the dossier''s documents.';
    `,
  },
];
