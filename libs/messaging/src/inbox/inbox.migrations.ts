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
];
