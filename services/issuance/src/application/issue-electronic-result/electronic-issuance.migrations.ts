import type { Migration } from '@motcua/event-store';

export const electronicIssuanceMigrations: Migration[] = [
  {
    id: 'issuance/002_stored_documents',
    up: (s) => `
      create table ${s}.stored_documents (
        document_id text primary key,
        sha256 char(64) not null,
        media_type text not null,
        bytes bigint not null,
        origin text not null,
        stored_at timestamptz not null
      );
      comment on table ${s}.stored_documents is 'Files digitisation stored (DocumentStored): the real hash a result is signed over. Bytes stay in digitisation.';
      create table ${s}.awaiting_documents (
        dossier_id uuid primary key,
        document_id text not null,
        resolved_at timestamptz not null
      );
      create index awaiting_documents_by_document on ${s}.awaiting_documents (document_id);
      comment on table ${s}.awaiting_documents is 'Resolutions whose result document digitisation has not reported yet; signed when it arrives.';
    `,
  },
];
