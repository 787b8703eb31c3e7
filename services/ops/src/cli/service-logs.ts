import { PgDatabase, quoteSchema } from '@motcua/event-store';

/** The schemas holding a service's event log: an `events` table beside a `checkpoints` table. */
export async function serviceSchemas(db: PgDatabase): Promise<string[]> {
  const { rows } = await db.query<{ schema: string }>(
    `select e.table_schema as schema from information_schema.tables e
       join information_schema.tables c on c.table_schema = e.table_schema and c.table_name = 'checkpoints'
      where e.table_name = 'events' order by 1`,
  );
  return rows.map((r) => r.schema);
}

export interface RelayDistance {
  schema: string;
  subscription: string;
  /** Stored events after the relay's checkpoint: written, not yet published. */
  behind: number;
  updatedAt?: Date;
}

/** How far each relay is behind its log (no checkpoint yet: the whole log). */
export async function relayDistances(db: PgDatabase, schema: string): Promise<RelayDistance[]> {
  const s = quoteSchema(schema);
  const { rows } = await db.query<{ subscription: string; behind: string; updated_at: Date | null }>(
    `with relays as (select subscription, transaction_id, global_position, updated_at from ${s}.checkpoints where subscription like 'relay:%')
     select r.subscription, r.updated_at,
            (select count(*) from ${s}.events e where (e.transaction_id, e.global_position) > (r.transaction_id, r.global_position)) as behind
       from relays r
     union all
     select 'relay (never checkpointed)', null, (select count(*) from ${s}.events)
      where not exists (select 1 from relays)
     order by 1`,
  );
  return rows.map((r) => ({ schema, subscription: r.subscription, behind: Number(r.behind), ...(r.updated_at ? { updatedAt: r.updated_at } : {}) }));
}

export interface StoredEvent {
  schema: string;
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  /** Written before the relay's checkpoint: it should be on its topic by now. */
  published: boolean;
}

/** Every stored event of the types given (the integration events), in each stream's order. */
export async function storedEvents(db: PgDatabase, schema: string, types: string[]): Promise<StoredEvent[]> {
  const s = quoteSchema(schema);
  const { rows } = await db.query<{ event_id: string; stream_id: string; stream_version: number; event_type: string; published: boolean }>(
    `with cp as (select transaction_id, global_position from ${s}.checkpoints where subscription like 'relay:%'
                  order by transaction_id desc, global_position desc limit 1)
     select e.event_id, e.stream_id, e.stream_version, e.event_type,
            coalesce((select (e.transaction_id, e.global_position) <= (cp.transaction_id, cp.global_position) from cp), false) as published
       from ${s}.events e where e.event_type = any($1::text[])
      order by e.stream_id, e.stream_version`,
    [types],
  );
  return rows.map((r) => ({ schema, eventId: r.event_id, streamId: r.stream_id, streamVersion: r.stream_version, type: r.event_type, published: r.published }));
}
