import { randomUUID } from 'node:crypto';
import { eventStoreMigrations, migrate, NewEvent, PgDatabase, PgEventStore } from '@motcua/event-store';
import { percentile, printTable, Row, timed } from './stats';

const SECONDS_PER_CASE = Number(process.env['BENCH_SECONDS'] ?? 4);
const BATCH = 100;
const BATCHES = 100;

const payload = (n: number) => ({
  dossierId: randomUUID(),
  code: `H56.22-251122-${String(n).padStart(4, '0')}`,
  procedure: { code: '1.001612', version: 3, processingTime: { value: 15, unit: 'WORKING_DAYS' } },
  channel: 'ONLINE',
  unit: 'H56.22',
});
const newEvent = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'DossierReceived',
  data: payload(n),
  metadata: { time: new Date(0).toISOString(), subject: randomUUID(), correlationId: randomUUID() },
});

/** Same columns, constraints and indexes as the event log, without the stream bookkeeping. */
const plainTable = (schema: string) => `
  create table "${schema}".plain_events (
    global_position bigint generated always as identity primary key,
    transaction_id xid8 not null default pg_current_xact_id(),
    stream_id text not null, stream_version integer not null, event_id uuid not null unique,
    event_type text not null, schema_version integer not null default 1, data jsonb not null,
    metadata jsonb not null, recorded_at timestamptz not null default now(),
    unique (stream_id, stream_version));
  create index on "${schema}".plain_events (transaction_id, global_position);`;

async function rawInsert(db: PgDatabase, schema: string, stream: string, from: number, events: NewEvent[]): Promise<void> {
  await db.query(
    `insert into "${schema}".plain_events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
     select $1, $2 + e.ord, e.id, e.type, e.sv, e.data::jsonb, e.metadata::jsonb
     from unnest($3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[]) with ordinality as e(id, type, sv, data, metadata, ord)`,
    [stream, from, events.map((e) => e.id), events.map((e) => e.type), events.map(() => 1), events.map((e) => JSON.stringify(e.data)), events.map((e) => JSON.stringify(e.metadata))],
  );
}

/** Each writer appends single events to its own streams, 50 events per stream, for a fixed time. */
async function concurrent(writers: number, appendOne: (writer: number, stream: string, version: number, n: number) => Promise<void>) {
  const latencies: number[] = [];
  const deadline = Date.now() + SECONDS_PER_CASE * 1000;
  const { seconds } = await timed(() =>
    Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        let n = 0;
        let stream = randomUUID();
        while (Date.now() < deadline) {
          if (n % 50 === 0) stream = randomUUID();
          const start = process.hrtime.bigint();
          await appendOne(writer, stream, n % 50, n);
          latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
          n++;
        }
      }),
    ),
  );
  latencies.sort((a, b) => a - b);
  return { events: latencies.length, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export async function benchAppend(databaseUrl: string): Promise<void> {
  const schema = `bench_${Date.now()}`;
  const db = PgDatabase.connect(databaseUrl, { max: 40 });
  try {
    await migrate(db, schema, eventStoreMigrations);
    await db.query(plainTable(schema));
    const store = new PgEventStore(db, schema);
    const rows: Row[] = [];
    for (const writers of [1, 8, 32]) {
      const raw = await concurrent(writers, (_w, stream, version, n) => rawInsert(db, schema, stream, version, [newEvent(n)]));
      const ours = await concurrent(writers, (_w, stream, version, n) =>
        store.append(stream, [newEvent(n)], { expectedVersion: version === 0 ? 'no_stream' : version }).then(() => undefined),
      );
      rows.push({ case: `raw single-row insert, ${writers} writers`, ...raw });
      rows.push({ case: `append 1 event (expected version), ${writers} writers`, ...ours, baseline: raw.events / raw.seconds });
    }
    const batches = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, (_, i) => newEvent(i)));
    const rawBatches = batches.map((batch) => batch.map((e) => ({ ...e, id: randomUUID() })));
    // Warm both paths (plans, caches) before timing them.
    await rawInsert(db, schema, randomUUID(), 0, [newEvent(0)]);
    await store.append(randomUUID(), [newEvent(0)]);
    const rawBatched = await timed(async () => {
      for (const batch of rawBatches) await rawInsert(db, schema, randomUUID(), 0, batch);
    });
    const oursBatched = await timed(async () => {
      for (const batch of batches) await store.append(randomUUID(), batch, { expectedVersion: 'no_stream' });
    });
    const rawRate = (BATCH * BATCHES) / rawBatched.seconds;
    rows.push({ case: `raw INSERT ... SELECT unnest, ${BATCH}/statement`, events: BATCH * BATCHES, seconds: rawBatched.seconds });
    rows.push({ case: `append ${BATCH} events per call`, events: BATCH * BATCHES, seconds: oursBatched.seconds, baseline: rawRate });
    printTable('Event store append (PostgreSQL)', rows);
  } finally {
    await db.query(`drop schema "${schema}" cascade`).catch(() => undefined);
    await db.close();
  }
}
