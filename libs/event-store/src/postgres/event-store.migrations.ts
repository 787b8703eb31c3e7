import { Migration } from './migrator';

/**
 * The event log of one service. `transaction_id` is the writing transaction (xid8): readers of the
 * global log only take rows whose transaction is older than every transaction still running, so
 * a sequence number that commits late is never skipped (DESIGN.md, the publish path).
 */
export const eventStoreMigrations: Migration[] = [
  {
    id: 'event-store/001_event_log',
    up: (s) => `
      create table ${s}.streams (
        stream_id text primary key,
        version integer not null check (version >= 0)
      );
      create table ${s}.events (
        global_position bigint generated always as identity primary key,
        transaction_id xid8 not null default pg_current_xact_id(),
        stream_id text not null,
        stream_version integer not null check (stream_version >= 1),
        event_id uuid not null,
        event_type text not null,
        schema_version integer not null default 1,
        data jsonb not null,
        metadata jsonb not null default '{}'::jsonb,
        recorded_at timestamptz not null default now(),
        constraint events_stream_version_key unique (stream_id, stream_version),
        constraint events_event_id_key unique (event_id)
      );
      create index events_log_order on ${s}.events (transaction_id, global_position);
      comment on table ${s}.events is 'Append-only event log; never updated or deleted.';
      comment on column ${s}.events.transaction_id is 'Writing transaction (xid8): the gap-safe global order is (transaction_id, global_position).';
    `,
  },
  {
    id: 'event-store/003_checkpoints',
    up: (s) => `
      create table ${s}.checkpoints (
        subscription text primary key,
        transaction_id xid8 not null,
        global_position bigint not null,
        updated_at timestamptz not null default now()
      );
    `,
  },
  {
    id: 'event-store/004_parked_messages',
    // Messages about an aggregate this service has not seen yet wait here, in arrival order.
    up: (s) => `
      create table ${s}.parked_messages (
        id bigint generated always as identity primary key,
        consumer text not null,
        subject text not null,
        message_id uuid not null,
        topic text not null,
        envelope jsonb not null,
        headers jsonb not null default '{}'::jsonb,
        parked_at timestamptz not null default now(),
        constraint parked_messages_message_key unique (consumer, message_id)
      );
      create index parked_messages_subject on ${s}.parked_messages (subject, id);
    `,
  },
  {
    id: 'event-store/005_stream_last_writer',
    // Appends to a stream must come from ever newer transactions, or the relay (reading in
    // transaction-id order) would send a later version first. Rows written before this know no
    // writer: 0 lets any transaction follow them.
    up: (s) => `
      alter table ${s}.streams add column last_transaction_id xid8 not null default '0'::xid8;
      comment on column ${s}.streams.last_transaction_id is 'Transaction that last appended to the stream: an older one may not append after it.';
    `,
  },
  {
    id: 'event-store/006_parked_message_reasons',
    // Why a message waits (its subject unknown yet, its version unknown yet, or in order behind a
    // dead letter or another waiting message) and when the sweep tries it next.
    up: (s) => `
      alter table ${s}.parked_messages
        add column reason text not null default 'NOT_YET_KNOWN'
          check (reason in ('NOT_YET_KNOWN', 'UNKNOWN_VERSION', 'BEHIND_DEAD_LETTER', 'BEHIND_PARKED')),
        add column attempts integer not null default 0,
        add column next_attempt_at timestamptz not null default now(),
        add column last_error text;
      create index parked_messages_consumer_subject on ${s}.parked_messages (consumer, subject, id);
      create index parked_messages_due on ${s}.parked_messages (next_attempt_at);
    `,
  },
];
