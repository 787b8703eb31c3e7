import { randomUUID } from 'node:crypto';
import { PgDatabase } from '@motcua/event-store';
import { EventPublisher, OutgoingMessage } from '../kafka/publisher';
import { openTestKit, TestKit } from '../testing/test-kit';
import { until } from '../testing/until';
import { EventRelay } from './event-relay';

/** A broker that takes its time: each send waits until the test lets it through. */
class HeldPublisher implements EventPublisher {
  readonly sent: string[] = [];
  waiting = 0;
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => undefined;

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.open();
  }
  async publish(_topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.waiting += 1;
    await this.gate;
    this.waiting -= 1;
    this.sent.push(...messages.map((m) => (JSON.parse(String(m.value)) as { id: string }).id));
  }
  async close(): Promise<void> {
    this.release();
  }
}

describe('EventRelay and its PostgreSQL sessions while a send is slow', () => {
  let kit: TestKit;
  let db: PgDatabase;
  let appName: string;

  beforeEach(async () => {
    kit = await openTestKit('relay_fence', 1);
    appName = `relay_${kit.schema}`;
    db = PgDatabase.connect(String(process.env['DATABASE_URL']), { application_name: appName, max: 5 });
  });
  afterEach(async () => {
    await db.close();
    await kit.close();
  });

  /** One transaction: the events become readable together, so the relay reads them as one batch. */
  const append = async (count: number) => {
    const ids = Array.from({ length: count }, () => randomUUID());
    await kit.db.transaction(async () => {
      for (const id of ids) await kit.store.append(`dossier-${id}`, [{ id, type: 'Numbered', data: {}, metadata: { subject: `dossier-${id}` } }]);
    });
    return ids;
  };
  const sessions = async (state: string) =>
    (await kit.db.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = $1 and state like $2`, [appName, state])).rows;

  it('holds no transaction open while the broker has not acknowledged, and outlives idle_in_transaction_session_timeout', async () => {
    // The server ends a transaction left idle longer than this; a send may take longer.
    const strict = PgDatabase.connect(String(process.env['DATABASE_URL']), { application_name: appName, max: 5, options: '-c idle_in_transaction_session_timeout=500' });
    const publisher = new HeldPublisher();
    publisher.hold();
    const relay = new EventRelay(strict, kit.schema, publisher, { topic: kit.topic, source: 'motcua/test' });
    relay.start();
    try {
      const ids = await append(3);
      await until(() => publisher.waiting === 1, 'the relay to be sending');
      expect(await sessions('idle in transaction%')).toEqual([]);
      // Held until every one of the relay's sessions has been idle for longer than the timeout.
      await until(async () => {
        const { rows } = await kit.db.query<{ quiet: boolean }>(
          `select bool_and(now() - state_change > interval '1 second') as quiet from pg_stat_activity where application_name = $1`,
          [appName],
        );
        return rows[0].quiet === true;
      }, 'the send to outlast the timeout');
      publisher.release();
      await until(() => publisher.sent.length === ids.length, 'the send to finish');
      const stored = await kit.db.query<{ p: string }>(`select max(global_position)::text as p from "${kit.schema}".events`);
      await until(() => relay.status().position?.position === stored.rows[0].p, 'the checkpoint to move past the batch');
      expect(relay.status().state).toBe('running');
      expect(publisher.sent).toEqual(ids);
    } finally {
      publisher.release();
      await relay.stop();
      await strict.close();
    }
  });

  it("stops a relay whose lock session was terminated during a send: the next holder publishes the batch again, nothing skipped", async () => {
    const slow = new HeldPublisher();
    slow.hold();
    const fast = new HeldPublisher();
    const a = new EventRelay(db, kit.schema, slow, { topic: kit.topic, source: 'motcua/test' });
    const b = new EventRelay(db, kit.schema, fast, { topic: kit.topic, source: 'motcua/test' });
    a.start();
    try {
      await until(() => a.status().state === 'running', 'a to hold the lock');
      b.start();
      const ids = await append(4);
      await until(() => slow.waiting === 1, 'a to be sending');
      const { rows } = await kit.db.query<{ pid: number }>(
        `select l.pid from pg_locks l join pg_stat_activity s on s.pid = l.pid where l.locktype = 'advisory' and l.granted and s.application_name = $1`,
        [appName],
      );
      expect(rows).toHaveLength(1);
      await kit.db.query('select pg_terminate_backend($1)', [rows[0].pid]);
      await until(() => fast.sent.length === ids.length, 'b to take over and publish the batch');
      slow.release();
      await until(() => slow.sent.length === ids.length, "a's late send to finish");
      const later = await append(2);
      await until(() => fast.sent.length === ids.length + later.length, 'b to publish what came next');
      await until(() => a.status().state !== 'running', 'a to stop running', 10_000);
      expect(new Set(fast.sent)).toEqual(new Set([...ids, ...later]));
      const stored = await kit.db.query<{ p: string }>(`select max(global_position)::text as p from "${kit.schema}".events`);
      await until(() => b.status().position?.position === stored.rows[0].p, 'b at the end of the log');
    } finally {
      slow.release();
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
