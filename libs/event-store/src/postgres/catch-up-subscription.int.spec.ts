import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../event-store.port';
import { CatchUpSubscription } from './catch-up-subscription';
import { PgDatabase } from './pg-database';
import { PgEventStore } from './pg-event-store';
import { openTestStore } from './test-schema';

const event = (n: number) => ({ id: randomUUID(), type: 'Numbered', data: { n } });

/** A minute: reads stop below the server's oldest open transaction, which another suite's long import may hold. */
async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('CatchUpSubscription (PostgreSQL)', () => {
  let db: PgDatabase;
  let store: PgEventStore;
  let schema: string;

  beforeEach(async () => ({ db, store, schema } = await openTestStore('es_sub')));
  afterEach(() => db.close());

  it('delivers history then live events, and resumes after a restart without loss or repeat', async () => {
    await store.append('s', [1, 2, 3].map(event));
    const seen: number[] = [];
    const handle = async (events: RecordedEvent[]) => {
      seen.push(...events.map((e) => (e.data as { n: number }).n));
    };
    const first = new CatchUpSubscription(db, schema, { name: 'projection', handle, batchSize: 2 });
    first.start();
    await waitFor(() => seen.length === 3, 'history');
    await store.append('s', [event(4)]);
    await waitFor(() => seen.length === 4, 'a live event');
    await first.stop();

    await store.append('s', [5, 6].map(event));
    const second = new CatchUpSubscription(db, schema, { name: 'projection', handle, batchSize: 2 });
    second.start();
    await waitFor(() => seen.length >= 6, 'events appended while stopped');
    await store.append('s', [event(7)]);
    await waitFor(() => seen.length >= 7, 'a live event after restart');
    await second.stop();
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the checkpoint where it was when the handler fails, and retries the same batch', async () => {
    await store.append('s', [1, 2].map(event));
    const seen: number[] = [];
    let failures = 0;
    const subscription = new CatchUpSubscription(db, schema, {
      name: 'flaky',
      handle: async (events) => {
        if (failures < 2) {
          failures += 1;
          throw new Error('downstream unavailable');
        }
        seen.push(...events.map((e) => (e.data as { n: number }).n));
      },
    });
    subscription.start();
    await waitFor(() => seen.length === 2, 'recovery');
    await subscription.stop();
    expect(failures).toBe(2);
    expect(seen).toEqual([1, 2]);
  });

  it('runs one instance per name: a second one takes over only when the first stops', async () => {
    const byInstance = { a: [] as number[], b: [] as number[] };
    const make = (key: 'a' | 'b') =>
      new CatchUpSubscription(db, schema, {
        name: 'relay',
        handle: async (events) => {
          byInstance[key].push(...events.map((e) => (e.data as { n: number }).n));
        },
      });
    const a = make('a');
    const b = make('b');
    a.start();
    await waitFor(() => a.status().state === 'running', 'a to hold the lock');
    b.start();
    await store.append('s', [1, 2].map(event));
    await waitFor(() => byInstance.a.length === 2, 'a to deliver');
    expect(b.status().state).toBe('waiting-for-lock');
    await a.stop();
    await store.append('s', [event(3)]);
    await waitFor(() => byInstance.b.length === 1, 'b to take over');
    await b.stop();
    expect(byInstance).toEqual({ a: [1, 2], b: [3] });
  });
});
