import { randomUUID } from 'node:crypto';
import { Decider, EventCodec, handleCommand } from '../decider';
import { START_OF_LOG } from '../event-store.port';
import { PgDatabase } from './pg-database';
import { PgEventStore } from './pg-event-store';
import { openTestStore } from './test-schema';

type Counted = { type: 'Counted'; n: number };
const counter: Decider<'count', Counted, number> = {
  initialState: 0,
  evolve: (_state, event) => event.n,
  decide: (_command, state) => [{ type: 'Counted', n: state + 1 }],
};
const codec: EventCodec<Counted> = {
  encode: (event) => ({ id: randomUUID(), type: event.type, data: { n: event.n } }),
  decode: (recorded) => ({ type: 'Counted', n: (recorded.data as { n: number }).n }),
};

/**
 * Two connections interleave as an inbox transaction and an HTTP command do: A takes its
 * transaction id first (the inbox insert), B appends version 1 and commits, then A appends
 * version 2. The relay reads in transaction-id order, so A's event must not sort before B's.
 */
describe('PostgreSQL stream order under interleaved transactions', () => {
  let db: PgDatabase;
  let other: PgDatabase;
  let store: PgEventStore;
  let otherStore: PgEventStore;

  beforeAll(async () => {
    ({ db, store } = await openTestStore('es_order'));
    other = PgDatabase.connect(String(process.env['DATABASE_URL']));
    otherStore = new PgEventStore(other, store.schema);
  });
  afterAll(async () => {
    await other.close();
    await db.close();
  });

  /** Runs `append` in A's transaction after A took its xid and B committed `first`; returns A's attempts. */
  async function interleave(first: () => Promise<unknown>, append: () => Promise<unknown>): Promise<number> {
    let attempts = 0;
    let tookXid!: () => void;
    const xidTaken = new Promise<void>((resolve) => (tookXid = resolve));
    let bCommitted!: () => void;
    const committed = new Promise<void>((resolve) => (bCommitted = resolve));
    const a = db.transaction(async () => {
      attempts += 1;
      await db.query('select pg_current_xact_id()');
      tookXid();
      await committed;
      await append();
    });
    await xidTaken;
    await other.transaction(first);
    bCommitted();
    await a;
    return attempts;
  }

  /**
   * The stream's versions in the relay's order, once both are readable: the gap-safe reader waits
   * for every older transaction in the cluster, other specs' included.
   */
  async function logOrder(streamId: string): Promise<number[]> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { events } = await store.readAll(START_OF_LOG, 10_000);
      const versions = events.filter((e) => e.streamId === streamId).map((e) => e.streamVersion);
      if (versions.length >= 2 || Date.now() > deadline) return versions;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('publishes version 1 before version 2 when the older transaction appends second (exact version)', async () => {
    const id = `dossier-${randomUUID()}`;
    await interleave(
      () => otherStore.append(id, [{ id: randomUUID(), type: 'First', data: {} }], { expectedVersion: 'no_stream' }),
      () => store.append(id, [{ id: randomUUID(), type: 'Second', data: {} }], { expectedVersion: 1 }),
    );
    expect(await logOrder(id)).toEqual([1, 2]);
  });

  it("keeps the order for an 'any' append too", async () => {
    const id = `dossier-${randomUUID()}`;
    await interleave(
      () => otherStore.append(id, [{ id: randomUUID(), type: 'First', data: {} }]),
      () => store.append(id, [{ id: randomUUID(), type: 'Second', data: {} }], { expectedVersion: 'any' }),
    );
    expect(await logOrder(id)).toEqual([1, 2]);
  });

  it('keeps the order through handleCommand: the conflict reaches the transaction, which runs again', async () => {
    const id = `dossier-${randomUUID()}`;
    const attempts = await interleave(
      () => handleCommand(otherStore, id, counter, codec, 'count'),
      () => handleCommand(store, id, counter, codec, 'count'),
    );
    expect(attempts).toBe(2);
    expect((await store.readStream(id)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await logOrder(id)).toEqual([1, 2]);
  });

  it('refuses the older transaction as a retryable conflict, storing nothing of its attempt', async () => {
    const id = `dossier-${randomUUID()}`;
    const refusals: unknown[] = [];
    await interleave(
      () => otherStore.append(id, [{ id: randomUUID(), type: 'First', data: {} }], { expectedVersion: 'no_stream' }),
      async () => {
        const outcome = await store.append(id, [{ id: randomUUID(), type: 'Second', data: {} }], { expectedVersion: 1 }).catch((error: unknown) => error);
        if (!(outcome instanceof Error)) return;
        refusals.push(outcome);
        expect(await store.streamVersion(id)).toBe(1);
        throw outcome;
      },
    );
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ code: 'EVENT_STORE.STREAM_ORDER_CONFLICT', retryable: true, streamId: id });
    expect(await logOrder(id)).toEqual([1, 2]);
  });
});
