import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool, PoolClient, PoolConfig, QueryResult, QueryResultRow } from 'pg';
import { isRetryable } from '../errors';

export interface SqlExecutor {
  query<Row extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<Row>>;
}

/**
 * A pg pool with an ambient transaction. Code inside `transaction()` that queries through this
 * object joins that transaction wherever it sits in the call stack, so an inbox record, the
 * events a handler appends and a projection's rows commit together or not at all.
 */
export class PgDatabase implements SqlExecutor {
  private readonly current = new AsyncLocalStorage<PoolClient>();
  private savepoints = 0;
  private readonly broken = new WeakSet<PoolClient>();

  constructor(readonly pool: Pool) {}

  static connect(connectionString: string, options: PoolConfig = {}): PgDatabase {
    const pool = new Pool({ connectionString, max: 10, ...options });
    // An idle client's error (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    return new PgDatabase(pool);
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  query<Row extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<Row>> {
    const client = this.current.getStore();
    return client ? client.query<Row>(text, values) : this.pool.query<Row>(text, values);
  }

  /**
   * Runs `work` in a transaction, or inside the caller's when one is already open. The outermost
   * transaction runs `work` again (up to `attempts` times in all) when it fails with an error
   * marked `retryable` (a stream-order conflict: only a new transaction, with a newer id, can
   * append), so `work` must not have effects outside this database that cannot repeat — or make
   * them idempotent, as digitisation's content-addressed file keeping is — or pass `attempts: 1`.
   */
  async transaction<T>(work: () => Promise<T>, { attempts = 3 }: { attempts?: number } = {}): Promise<T> {
    if (this.current.getStore()) return work();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work);
      } catch (error) {
        if (!isRetryable(error) || attempt >= attempts) throw error;
      }
    }
  }

  private async once<T>(work: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection lost between two statements (the server restarting) is reported as an event
    // on the checked-out client; unheard, it would end the process. The next statement fails.
    const lost = () => this.broken.add(client);
    client.on('error', lost);
    try {
      return await this.transactionOn(client, work);
    } finally {
      client.removeListener('error', lost);
      // A connection that could not even roll back, or was lost, is not handed to the next caller.
      client.release(this.broken.has(client));
    }
  }

  /**
   * Runs `work` in a transaction on a session the caller holds (one that owns a session advisory
   * lock, say): if that session dies, the work dies with it and commits nothing. Not retried.
   */
  async transactionOn<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) throw new Error('transactionOn() cannot run inside another transaction');
    try {
      await client.query('begin');
      const result = await this.current.run(client, work);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => this.broken.add(client));
      throw error;
    }
  }

  /**
   * Runs `work` inside the ambient transaction so that its failure undoes only its own writes
   * (a handler that must be parked leaves nothing half-written behind).
   */
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    if (!this.inTransaction) throw new Error('savepoint() needs an open transaction()');
    const name = `sp_${++this.savepoints}`;
    await this.query(`savepoint ${name}`);
    try {
      const result = await work();
      await this.query(`release savepoint ${name}`);
      return result;
    } catch (error) {
      await this.query(`rollback to savepoint ${name}`);
      throw error;
    }
  }

  /** A dedicated session outside the pool's rotation (advisory locks, LISTEN). */
  session(): Promise<PoolClient> {
    return this.pool.connect();
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
