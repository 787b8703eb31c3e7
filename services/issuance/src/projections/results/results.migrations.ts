import type { Migration } from '@motcua/event-store';

export const resultsMigrations: Migration[] = [
  {
    id: 'issuance/003_results',
    up: (s) => `
      create table ${s}.results (
        dossier_id uuid primary key,
        code text not null,
        unit text not null,
        procedure_code text not null,
        procedure_version integer not null,
        outcome text not null check (outcome in ('APPROVED', 'DENIED')),
        status text not null check (status in ('RESOLVED', 'BLOCKED', 'ISSUED', 'COMPLETED')),
        e_result_allowed boolean not null,
        returns_document boolean not null,
        resolved_at timestamptz not null,
        form text check (form in ('ELECTRONIC', 'PAPER')),
        key_id text,
        issued_at timestamptz,
        blocked_reason text,
        blocked_at timestamptz,
        delivery_method text check (delivery_method in ('ONLINE', 'COUNTER', 'POSTAL')),
        completed_at timestamptz
      );
      create index results_by_unit_status on ${s}.results (unit, status, resolved_at);
      comment on table ${s}.results is 'One row per resolved dossier: where its result stands (officers list blocked or waiting issuances; analysts count e-results).';
      comment on column ${s}.results.status is 'RESOLVED: decided, result not issued yet; BLOCKED: the stored document hash differs from the decision, nothing signed; ISSUED; COMPLETED: delivered';
      comment on column ${s}.results.form is 'ELECTRONIC (signed e-result) or PAPER; null until issued, and for an approval that returns no document';
      comment on column ${s}.results.key_id is 'Signing key of an e-result';
    `,
  },
  {
    id: 'issuance/004_results_issuer_and_ways_out',
    up: (s) => `
      alter table ${s}.results add column issuer text, add column reissued_at timestamptz, add column switched_to_paper_at timestamptz;
      update ${s}.results set issuer = unit;
      alter table ${s}.results alter column issuer set not null;
      create index results_by_issuer_status on ${s}.results (issuer, status, resolved_at);
      comment on column ${s}.results.unit is 'The receiving one-stop unit: its desk hands the result over';
      comment on column ${s}.results.issuer is 'The deciding (competent) agency: it signs or prints the result (the receiving unit for decisions recorded before deciding agencies were)';
      comment on column ${s}.results.reissued_at is 'When an officer last named a corrected document for a blocked issuance';
      comment on column ${s}.results.switched_to_paper_at is 'When an officer switched the result to paper: a printed result follows';
    `,
  },
];
