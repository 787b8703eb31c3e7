import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../event-store.port';
import { CatchUpSubscription } from './catch-up-subscription';
import { PgDatabase } from './pg-database';
import { PgEventStore } from './pg-event-store';
import { openTestStore } from './test-schema';

const event = (n: number) => ({ id: randomUUID(), type: 'Numbered', data: { n } });

async function waitFor(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Two instances of one subscription, as two replicas run them. The handler writes one row per
 * event into a table with no unique key, so an event applied twice shows as two rows.
 */
describe('CatchUpSubscription fencing (PostgreSQL)', () => {
  let setup: PgDatabase;
  let db: PgDatabase;
  let store: PgEventStore;
  let schema: string;
  let appName: string;

  beforeEach(async () => {
    ({ db: setup, store, schema } = await openTestStore('es_fence'));
    appName = `fence_${schema}`;
    // The instances' own pool, named so the test finds the lock holder's backend.
    db = PgDatabase.connect(String(process.env['DATABASE_URL']), { application_name: appName, max: 10 });
    await setup.query(`create table "${schema}".applied (event_id uuid not null, instance text not null)`);
  });
  afterEach(async () => {
    await db.close();
    await setup.close();
  });

  const instance = (name: string, options: { batchSize?: number; gate?: () => Promise<void> } = {}) =>
    new CatchUpSubscription(db, schema, {
      name: 'projection',
      batchSize: options.batchSize ?? 5,
      pollIntervalMs: 20,
      handle: async (events: RecordedEvent[]) => {
        for (const e of events) await db.query(`insert into "${schema}".applied (event_id, instance) values ($1, $2)`, [e.id, name]);
        await options.gate?.();
      },
    });

  const applied = async () =>
    (await setup.query<{ event_id: string; instance: string }>(`select event_id, instance from "${schema}".applied`)).rows;

  async function lockHolder(): Promise<number | undefined> {
    const { rows } = await setup.query<{ pid: number }>(
      `select l.pid from pg_locks l join pg_stat_activity a on a.pid = l.pid
       where l.locktype = 'advisory' and l.granted and a.application_name = $1`,
      [appName],
    );
    return rows[0]?.pid;
  }

  it("applies nothing twice when the lock holder's backend is terminated while both instances run", async () => {
    const a = instance('a');
    const b = instance('b');
    a.start();
    await waitFor(() => a.status().state === 'running', 'a to hold the lock');
    b.start();
    const ids: string[] = [];
    const append = async (n: number) => {
      const e = event(n);
      ids.push(e.id);
      await store.append('s', [e]);
    };
    for (let n = 1; n <= 10; n++) await append(n);
    await waitFor(async () => (await applied()).length >= 10, 'the first events applied');

    const holder = await lockHolder();
    expect(holder).toBeDefined();
    await setup.query('select pg_terminate_backend($1)', [holder]);
    // Someone takes the lock again (the other instance, or the same one on a new session).
    await waitFor(async () => (await lockHolder()) !== undefined && (await lockHolder()) !== holder, 'the lock to be taken again');
    for (let n = 11; n <= 40; n++) await append(n);
    await waitFor(async () => new Set((await applied()).map((r) => r.event_id)).size >= ids.length, 'every event applied');
    await Promise.all([a.stop(), b.stop()]);

    const rows = await applied();
    const twice = ids.filter((id) => rows.filter((r) => r.event_id === id).length > 1);
    expect(twice).toEqual([]);
    expect(rows).toHaveLength(ids.length);
  });

  it('rolls back a batch whose checkpoint another instance moved, and goes back to waiting for the lock', async () => {
    let release!: () => void;
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    let blockOnce = true;
    const a = instance('a', {
      batchSize: 1,
      gate: async () => {
        if (!blockOnce) return;
        blockOnce = false;
        entered();
        await held;
      },
    });
    a.start();
    const [first, second] = [event(1), event(2)];
    await store.append('s', [first, second]);
    await inHandler;
    // Meanwhile another instance applied both and moved the checkpoint past them.
    const last = (await store.readStream('s')).at(-1)?.log;
    await setup.query(
      `insert into "${schema}".checkpoints (subscription, transaction_id, global_position) values ('projection', $1::xid8, $2)
       on conflict (subscription) do update set transaction_id = excluded.transaction_id, global_position = excluded.global_position`,
      [last?.transactionId, last?.position],
    );
    release();
    await waitFor(() => a.status().position?.position === last?.position, 'a to resume from the moved checkpoint');
    await a.stop();

    expect(await applied()).toEqual([]);
    const { rows } = await setup.query<{ p: string }>(`select global_position::text as p from "${schema}".checkpoints where subscription = 'projection'`);
    expect(rows[0].p).toBe(last?.position);
  });
});
