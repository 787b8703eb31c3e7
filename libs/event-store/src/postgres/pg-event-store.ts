import { DatabaseError } from 'pg';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors';
import {
  AppendResult,
  EventStore,
  ExpectedVersion,
  LogPosition,
  NewEvent,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
} from '../event-store.port';
import { quoteSchema } from './identifiers';
import { PgDatabase } from './pg-database';
import { EventRow, toRecordedEvent } from './event-row';

/**
 * PostgreSQL adapter. One append is one statement: the stream row is claimed (insert, or update
 * guarded by the expected version) and the events are inserted from it, so a lost race inserts
 * nothing and `UNIQUE(stream_id, stream_version)` backs the check.
 */
export class PgEventStore implements EventStore {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    readonly schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async append(streamId: string, events: NewEvent[], options: { expectedVersion?: ExpectedVersion } = {}): Promise<AppendResult> {
    const expected = options.expectedVersion ?? 'any';
    if (events.length === 0) return { nextExpectedVersion: await this.streamVersion(streamId), log: [] };
    const params = [
      streamId,
      events.length,
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion ?? 1),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata ?? {})),
    ];
    let rows: { global_position: string; transaction_id: string; stream_version: number }[];
    try {
      const result = await this.db.query(`${this.claimStream(expected)} ${this.insertEvents}`, params);
      rows = result.rows as typeof rows;
    } catch (error) {
      if (error instanceof DatabaseError && error.code === '23505') {
        if (error.constraint === 'events_event_id_key') throw new DuplicateEventIdError(streamId);
        throw new WrongExpectedVersionError(streamId, expected, await this.streamVersion(streamId));
      }
      throw error;
    }
    if (rows.length === 0) throw new WrongExpectedVersionError(streamId, expected, await this.streamVersion(streamId));
    return {
      nextExpectedVersion: Math.max(...rows.map((r) => r.stream_version)),
      log: rows.map((r) => ({ transactionId: r.transaction_id, position: r.global_position })),
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const result = await this.db.query<EventRow>(
      `select * from ${this.s}.events where stream_id = $1 and stream_version >= $2
       order by stream_version limit $3`,
      [streamId, options.fromVersion ?? 1, options.maxCount ?? null],
    );
    return result.rows.map(toRecordedEvent);
  }

  async streamVersion(streamId: string): Promise<number> {
    const result = await this.db.query<{ version: number }>(`select version from ${this.s}.streams where stream_id = $1`, [streamId]);
    return result.rows[0]?.version ?? 0;
  }

  async readAll(after: LogPosition, maxCount: number): Promise<ReadAllResult> {
    // Rows of transactions older than the oldest one still running can no longer appear behind us.
    const result = await this.db.query<EventRow>(
      `select * from ${this.s}.events
       where (transaction_id, global_position) > ($1::xid8, $2::bigint)
         and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       order by transaction_id, global_position
       limit $3`,
      [after.transactionId, after.position, maxCount],
    );
    const events = result.rows.map(toRecordedEvent);
    return { events, next: events.length > 0 ? events[events.length - 1].log : after };
  }

  /** A CTE named `stream` yielding the stream's version before this append, or no row on a lost race. */
  private claimStream(expected: ExpectedVersion): string {
    if (expected === 'no_stream' || expected === 0) {
      return `with stream as (
        insert into ${this.s}.streams (stream_id, version) values ($1, $2)
        on conflict (stream_id) do nothing
        returning version - $2 as base)`;
    }
    if (expected === 'any') {
      return `with stream as (
        insert into ${this.s}.streams as st (stream_id, version) values ($1, $2)
        on conflict (stream_id) do update set version = st.version + $2
        returning version - $2 as base)`;
    }
    if (!Number.isInteger(expected) || expected < 0) throw new RangeError(`invalid expected version ${expected}`);
    return `with stream as (
      update ${this.s}.streams set version = version + $2
      where stream_id = $1 and version = ${expected}
      returning version - $2 as base)`;
  }

  private get insertEvents(): string {
    return `insert into ${this.s}.events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
      select $1, stream.base + e.ord, e.id, e.type, e.schema_version, e.data::jsonb, e.metadata::jsonb
      from stream, unnest($3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[])
        with ordinality as e(id, type, schema_version, data, metadata, ord)
      order by e.ord
      returning global_position, transaction_id::text as transaction_id, stream_version`;
  }
}
