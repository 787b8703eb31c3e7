import type { PoolClient } from 'pg';
import { LogPosition } from '../event-store.port';
import { CheckpointStore } from './checkpoint-store';
import { PgDatabase } from './pg-database';
import { PgEventStore } from './pg-event-store';
import { advisoryKey } from './advisory-key';
import { PartlyHandledError, SubscriptionOptions, SubscriptionStatus, SupersededError } from './subscription.options';

/**
 * Catch-up subscription over one service's event log: history first, then live (polling). Each batch is
 * handled and its checkpoint moved in one transaction (or, at least once, just after), so after
 * a restart it resumes exactly where it stopped. Only one instance per name runs across all
 * replicas (a session advisory lock, 64-bit key); the others wait to take over. It is fenced: the
 * checkpoint only moves from the position this instance read, on the session holding the lock.
 */
export class CatchUpSubscription {
  /** Holds the advisory lock that makes this instance the only one running under its name. */
  private session: PoolClient | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly checkpoints: CheckpointStore;
  private readonly store: PgEventStore;
  private readonly current: SubscriptionStatus;

  constructor(
    private readonly db: PgDatabase,
    private readonly schema: string,
    private readonly options: SubscriptionOptions,
  ) {
    this.checkpoints = new CheckpointStore(db, schema);
    this.store = new PgEventStore(db, schema);
    this.current = { name: options.name, state: 'stopped', position: undefined, lastError: undefined };
  }

  status(): SubscriptionStatus {
    return { ...this.current };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.current.state = 'stopped';
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (this.running) {
      try {
        const session = await this.acquire();
        if (!session || !this.running) break;
        this.current.state = 'running';
        const handled = await this.step(session);
        attempt = 0;
        this.current.lastError = undefined;
        if (handled === 0) await this.idle(this.options.pollIntervalMs ?? 100);
      } catch (error) {
        // A lost lock or a moved checkpoint: another instance runs now; wait for the lock again.
        const superseded = error instanceof SupersededError;
        attempt = superseded ? 0 : attempt + 1;
        this.current.state = superseded ? 'waiting-for-lock' : 'failing';
        this.current.lastError = error instanceof Error ? error.message : String(error);
        this.options.onError?.(error, attempt);
        this.releaseSession();
        await this.idle(superseded ? 0 : Math.min(30_000, 100 * 2 ** Math.min(attempt, 9)));
      }
    }
    this.releaseSession();
  }

  /**
   * One batch from the checkpoint. Everything that commits runs on the session that holds the
   * lock: a session that died (and so lost the lock) commits nothing, and one that lives still
   * holds it. The checkpoint's compare-and-set catches an instance whose position is stale.
   */
  private async step(session: PoolClient): Promise<number> {
    const from = this.current.position;
    if (!from) throw new Error(`subscription ${this.options.name} has no position before holding its lock`);
    const batchSize = this.options.batchSize ?? 500;
    const read = () => (this.options.read ? this.options.read(from, batchSize) : this.store.readAll(from, batchSize));
    const move = async (next: LogPosition) => {
      if (!(await this.checkpoints.move(this.options.name, from, next))) throw new SupersededError(this.options.name);
    };
    let done: { next: LogPosition; count: number } | undefined;
    if (this.options.delivery === 'at-least-once') {
      const { events, next } = await this.db.transactionOn(session, read);
      if (events.length === 0) return 0;
      try {
        await this.options.handle(events);
      } catch (error) {
        const part = error instanceof PartlyHandledError ? error.handledUpTo : undefined;
        if (part) {
          await this.db.transactionOn(session, () => move(part));
          this.current.position = part;
        }
        throw error;
      }
      await this.db.transactionOn(session, () => move(next));
      done = { next, count: events.length };
    } else {
      done = await this.db.transactionOn(session, async () => {
        const { events, next } = await read();
        if (events.length === 0) return undefined;
        await this.options.handle(events);
        await move(next);
        return { next, count: events.length };
      });
    }
    if (!done) return 0;
    // Moved in memory only once the transaction has committed.
    this.current.position = done.next;
    return done.count;
  }

  /** The session holding this instance's lock, waiting for it first; undefined once stopped. */
  private async acquire(): Promise<PoolClient | undefined> {
    if (this.session) return this.session;
    const session = await this.db.session();
    // Its loss shows as the next query's failure; an unhandled 'error' would end the process.
    session.on('error', () => undefined);
    try {
      const key = advisoryKey(this.schema, 'subscription', this.options.name);
      this.current.state = 'waiting-for-lock';
      for (;;) {
        const result = await session.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [key]);
        if (result.rows[0].locked) break;
        if (!this.running) throw new Error('stopped while waiting for the lock');
        await this.idle(1_000);
      }
      this.current.position = await this.checkpoints.load(this.options.name);
      this.session = session;
      return session;
    } catch (error) {
      session.release(true);
      if (!this.running) return undefined;
      throw error;
    }
  }

  private releaseSession(): void {
    const session = this.session;
    this.session = undefined;
    // Destroying the connection drops the advisory lock with it.
    session?.release(true);
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
