import { DatabaseError } from 'pg';
import { DuplicateEventIdError, StreamOrderConflictError, WrongExpectedVersionError } from '../errors';
import { claimStream } from './claim-stream';
import {
  AppendResult,
  EventStore,
  ExpectedVersion,
  LogPosition,
  NewEvent,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
} from '../event-store.port';
import { quoteSchema } from './identifiers';
import { PgDatabase } from './pg-database';
import { EventRow, toRecordedEvent } from './event-row';

/**
 * PostgreSQL adapter. One append is one statement: the stream row is claimed (insert, or update
 * guarded by the expected version and by its last writer's transaction id) and the events are
 * inserted from it, so a lost race inserts nothing and `UNIQUE(stream_id, stream_version)` backs
 * the check.
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
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.appendOnce(streamId, events, options.expectedVersion ?? 'any');
      } catch (error) {
        // Outside a transaction the append is its own transaction: running it again is running
        // the whole transaction again, with a newer id. Inside one, only the caller can.
        if (!(error instanceof StreamOrderConflictError) || this.db.inTransaction || attempt >= 3) throw error;
      }
    }
  }

  private async appendOnce(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
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
      const result = await this.db.query(`${claimStream(this.s, expected)} ${this.insertEvents}`, params);
      rows = result.rows as typeof rows;
    } catch (error) {
      if (error instanceof DatabaseError && error.code === '23505') {
        if (error.constraint === 'events_event_id_key') throw new DuplicateEventIdError(streamId);
        throw new WrongExpectedVersionError(streamId, expected, await this.streamVersion(streamId));
      }
      throw error;
    }
    if (rows.length === 0) throw await this.refusal(streamId, expected);
    return {
      nextExpectedVersion: Math.max(...rows.map((r) => r.stream_version)),
      log: rows.map((r) => ({ transactionId: r.transaction_id, position: r.global_position })),
    };
  }

  /** Why the stream was not claimed: a newer writer (retry the transaction) or another version. */
  private async refusal(streamId: string, expected: ExpectedVersion): Promise<Error> {
    const { rows } = await this.db.query<{ version: number; in_order: boolean }>(
      `select version, last_transaction_id <= pg_current_xact_id() as in_order from ${this.s}.streams where stream_id = $1`,
      [streamId],
    );
    if (rows[0] && !rows[0].in_order) return new StreamOrderConflictError(streamId);
    return new WrongExpectedVersionError(streamId, expected, rows[0]?.version ?? 0);
  }

  /**
   * One statement claims every stream (created, or advanced from its expected version under the
   * same last-writer guard as `append`) and inserts the events of the claimed ones. A stream that
   * was not claimed refuses the whole append: it runs in a savepoint, or a transaction of its
   * own, so nothing of it stays.
   */
  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const streams = appends.filter((a) => a.events.length > 0);
    if (new Set(streams.map((a) => a.streamId)).size !== streams.length) throw new RangeError('appendToStreams: a stream appears more than once');
    for (const a of streams) if (!Number.isInteger(a.expectedVersion === 'no_stream' ? 0 : a.expectedVersion) || Number(a.expectedVersion) < 0) throw new RangeError(`invalid expected version ${a.expectedVersion}`);
    if (streams.length === 0) return Promise.all(appends.map(async (a) => ({ nextExpectedVersion: await this.streamVersion(a.streamId), log: [] })));
    const run = () => this.appendToStreamsOnce(streams);
    const byStream = await (this.db.inTransaction ? this.db.savepoint(run) : this.db.transaction(run));
    return appends.map((a) => byStream.get(a.streamId) ?? { nextExpectedVersion: Number(a.expectedVersion === 'no_stream' ? 0 : a.expectedVersion), log: [] });
  }

  private async appendToStreamsOnce(streams: StreamAppend[]): Promise<Map<string, AppendResult>> {
    const events = streams.flatMap((a) => a.events.map((e, i) => ({ streamId: a.streamId, ord: i + 1, e })));
    let rows: { stream_id: string; global_position: string; transaction_id: string; stream_version: number }[];
    try {
      const result = await this.db.query(
        `with input as (
           select * from unnest($1::text[], $2::int[], $3::int[]) as i(stream_id, expected, n)
         ), created as (
           insert into ${this.s}.streams (stream_id, version, last_transaction_id)
           select stream_id, n, pg_current_xact_id() from input where expected = 0
           on conflict (stream_id) do nothing
           returning stream_id, 0 as base
         ), advanced as (
           update ${this.s}.streams st set version = st.version + i.n, last_transaction_id = pg_current_xact_id()
           from input i
           where i.expected > 0 and st.stream_id = i.stream_id and st.version = i.expected and st.last_transaction_id <= pg_current_xact_id()
           returning st.stream_id, i.expected as base
         ), stream as (
           select * from created union all select * from advanced
         )
         insert into ${this.s}.events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
         select e.stream_id, stream.base + e.ord, e.id, e.type, e.schema_version, e.data::jsonb, e.metadata::jsonb
         from unnest($4::text[], $5::int[], $6::uuid[], $7::text[], $8::int[], $9::text[], $10::text[])
           with ordinality as e(stream_id, ord, id, type, schema_version, data, metadata, seq)
         join stream on stream.stream_id = e.stream_id
         order by e.seq
         returning stream_id, global_position, transaction_id::text as transaction_id, stream_version`,
        [
          streams.map((a) => a.streamId),
          streams.map((a) => (a.expectedVersion === 'no_stream' ? 0 : a.expectedVersion)),
          streams.map((a) => a.events.length),
          events.map((x) => x.streamId),
          events.map((x) => x.ord),
          events.map((x) => x.e.id),
          events.map((x) => x.e.type),
          events.map((x) => x.e.schemaVersion ?? 1),
          events.map((x) => JSON.stringify(x.e.data)),
          events.map((x) => JSON.stringify(x.e.metadata ?? {})),
        ],
      );
      rows = result.rows as typeof rows;
    } catch (error) {
      if (error instanceof DatabaseError && error.code === '23505' && error.constraint === 'events_event_id_key') throw new DuplicateEventIdError(streams[0].streamId);
      throw error;
    }
    const results = new Map<string, AppendResult>();
    for (const row of rows) {
      const result = results.get(row.stream_id) ?? { nextExpectedVersion: 0, log: [] };
      result.nextExpectedVersion = Math.max(result.nextExpectedVersion, row.stream_version);
      result.log.push({ transactionId: row.transaction_id, position: row.global_position });
      results.set(row.stream_id, result);
    }
    const refused = streams.find((a) => !results.has(a.streamId));
    if (refused) throw await this.refusal(refused.streamId, refused.expectedVersion);
    return results;
  }

  async readStreams(streamIds: string[]): Promise<Map<string, RecordedEvent[]>> {
    const streams = new Map<string, RecordedEvent[]>(streamIds.map((id) => [id, []]));
    if (streamIds.length === 0) return streams;
    const result = await this.db.query<EventRow>(`select * from ${this.s}.events where stream_id = any($1::text[]) order by stream_id, stream_version`, [streamIds]);
    for (const row of result.rows) streams.get(row.stream_id)?.push(toRecordedEvent(row));
    return streams;
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

  private get insertEvents(): string {
    return `insert into ${this.s}.events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
      select $1, stream.base + e.ord, e.id, e.type, e.schema_version, e.data::jsonb, e.metadata::jsonb
      from stream, unnest($3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[])
        with ordinality as e(id, type, schema_version, data, metadata, ord)
      order by e.ord
      returning global_position, transaction_id::text as transaction_id, stream_version`;
  }
}
