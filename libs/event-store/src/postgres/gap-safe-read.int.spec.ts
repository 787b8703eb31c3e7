import { randomUUID } from 'node:crypto';
import { START_OF_LOG } from '../event-store.port';
import { PgDatabase } from './pg-database';
import { PgEventStore } from './pg-event-store';
import { openTestStore } from './test-schema';

const event = (type: string) => ({ id: randomUUID(), type, data: {} });

describe('PostgreSQL global log', () => {
  let db: PgDatabase;
  let store: PgEventStore;

  beforeAll(async () => ({ db, store } = await openTestStore('es_gap')));
  afterAll(() => db.close());

  it('does not read past a transaction that is still open, then delivers it first', async () => {
    // A second pool stands for another replica: its transaction is not the ambient one here.
    const other = PgDatabase.connect(String(process.env['DATABASE_URL']));
    const slowStore = new PgEventStore(other, store.schema);
    let commitSlow!: () => void;
    let slowAppended!: () => void;
    const appended = new Promise<void>((resolve) => (slowAppended = resolve));
    const slowCommitted = other.transaction(async () => {
      // The slow writer takes its position first but commits last: the classic gap.
      await slowStore.append('slow', [event('Slow')]);
      slowAppended();
      await new Promise<void>((resolve) => (commitSlow = resolve));
    });
    try {
      await appended;
      await store.append('fast', [event('Fast')]);
      const whileOpen = await store.readAll(START_OF_LOG, 100);
      expect(whileOpen.events.map((e) => e.type)).toEqual([]);
    } finally {
      commitSlow();
      await slowCommitted;
      await other.close();
    }
    // Readable once no older transaction anywhere in the cluster (another spec's) is still open.
    const deadline = Date.now() + 60_000;
    let afterCommit = await store.readAll(START_OF_LOG, 100);
    while (afterCommit.events.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      afterCommit = await store.readAll(START_OF_LOG, 100);
    }
    expect(afterCommit.events.map((e) => e.type)).toEqual(['Slow', 'Fast']);
  });

  it('joins the ambient transaction: a rolled-back unit of work stores nothing', async () => {
    const id = `rollback-${randomUUID()}`;
    await expect(
      db.transaction(async () => {
        await store.append(id, [event('Appended')]);
        expect(await store.streamVersion(id)).toBe(1);
        throw new Error('handler failed after appending');
      }),
    ).rejects.toThrow('handler failed after appending');
    expect(await store.streamVersion(id)).toBe(0);
    expect(await store.readStream(id)).toEqual([]);
  });
});

