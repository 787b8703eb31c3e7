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
];
