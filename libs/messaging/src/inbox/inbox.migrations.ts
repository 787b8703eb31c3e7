import type { Migration } from '@motcua/event-store';

export const messagingMigrations: Migration[] = [
  {
    id: 'messaging/001_inbox',
    // One row per consumed event id and consumer: a redelivered message finds its row and is skipped.
    up: (s) => `
      create table ${s}.inbox (
        consumer text not null,
        message_id uuid not null,
        topic text not null,
        outcome text not null check (outcome in ('APPLIED', 'PARKED')),
        received_at timestamptz not null default now(),
        primary key (consumer, message_id)
      );
    `,
  },
  {
    id: 'messaging/002_dead_letters',
    // A dead-lettered message keeps its subject's later messages waiting behind it until an
    // operator re-drives or discards it; who did which, and why, stays on record.
    up: (s) => `
      alter table ${s}.inbox drop constraint inbox_outcome_check;
      alter table ${s}.inbox add constraint inbox_outcome_check check (outcome in ('APPLIED', 'PARKED', 'DEAD_LETTERED', 'DISCARDED'));
      create table ${s}.dead_letters (
        consumer text not null,
        message_id uuid not null,
        subject text not null,
        topic text not null,
        envelope jsonb not null,
        headers jsonb not null default '{}'::jsonb,
        error_code text not null,
        attempts integer not null,
        dead_lettered_at timestamptz not null default now(),
        status text not null default 'OPEN' check (status in ('OPEN', 'REDRIVEN', 'DISCARDED')),
        resolved_by text,
        resolved_reason text,
        resolved_at timestamptz,
        primary key (consumer, message_id),
        check ((status = 'OPEN') = (resolved_by is null))
      );
      create index dead_letters_open on ${s}.dead_letters (consumer, subject) where status = 'OPEN';
    `,
  },
];
