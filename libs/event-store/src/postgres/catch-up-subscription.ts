import type { PoolClient } from 'pg';
import { LogPosition, ReadAllResult, RecordedEvent } from '../event-store.port';
import { CheckpointStore } from './checkpoint-store';
import { PgDatabase } from './pg-database';
import { PgEventStore } from './pg-event-store';

export interface SubscriptionOptions {
  /** Durable name: the checkpoint and the exclusivity lock are keyed by it. */
  name: string;
  /** Handles a batch in the global order. It runs inside the transaction that saves the checkpoint. */
  handle(events: RecordedEvent[]): Promise<void>;
  batchSize?: number;
  /**
   * How long to wait after finding nothing new. Polling, not LISTEN/NOTIFY: NOTIFY takes a
   * cluster-wide lock at every commit and costs appends up to half their throughput under
   * concurrency (bench/append.bench.ts); a full batch is followed by the next at once.
   */
  pollIntervalMs?: number;
  onError?(error: unknown, attempt: number): void;
  /** How the log is read; the gap-safe reader unless a test needs to show what a naive one misses. */
  read?(after: LogPosition, maxCount: number): Promise<ReadAllResult>;
}

export interface SubscriptionStatus {
  name: string;
  state: 'stopped' | 'waiting-for-lock' | 'running' | 'failing';
  position: LogPosition | undefined;
  lastError: string | undefined;
}

/**
 * Catch-up subscription over one service's event log: history first, then live (polling). Each batch is
 * handled and its checkpoint saved in one transaction, so after a restart it resumes exactly
 * where it stopped. Only one instance per name runs across all replicas (a session advisory
 * lock); the others wait to take over.
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
        await this.acquire();
        if (!this.running) break;
        this.current.state = 'running';
        const handled = await this.step();
        attempt = 0;
        this.current.lastError = undefined;
        if (handled === 0) await this.idle(this.options.pollIntervalMs ?? 100);
      } catch (error) {
        attempt += 1;
        this.current.state = 'failing';
        this.current.lastError = error instanceof Error ? error.message : String(error);
        this.options.onError?.(error, attempt);
        this.releaseSession();
        await this.idle(Math.min(30_000, 100 * 2 ** Math.min(attempt, 9)));
      }
    }
    this.releaseSession();
  }

  /** One batch: read after the checkpoint, handle, move the checkpoint, all in one transaction. */
  private async step(): Promise<number> {
    const from = this.current.position;
    if (!from) throw new Error(`subscription ${this.options.name} has no position before holding its lock`);
    const done = await this.db.transaction(async () => {
      const batchSize = this.options.batchSize ?? 500;
      const { events, next } = await (this.options.read ? this.options.read(from, batchSize) : this.store.readAll(from, batchSize));
      if (events.length === 0) return undefined;
      await this.options.handle(events);
      await this.checkpoints.save(this.options.name, next);
      return { next, count: events.length };
    });
    if (!done) return 0;
    // Moved in memory only once the transaction has committed.
    this.current.position = done.next;
    return done.count;
  }

  private async acquire(): Promise<void> {
    if (this.session) return;
    const session = await this.db.session();
    session.on('error', () => undefined);
    try {
      const key = `motcua.subscription.${this.schema}.${this.options.name}`;
      this.current.state = 'waiting-for-lock';
      for (;;) {
        const result = await session.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [key]);
        if (result.rows[0].locked) break;
        if (!this.running) throw new Error('stopped while waiting for the lock');
        await this.idle(1_000);
      }
      this.current.position = await this.checkpoints.load(this.options.name);
      this.session = session;
    } catch (error) {
      session.release(true);
      if (!this.running) return;
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
