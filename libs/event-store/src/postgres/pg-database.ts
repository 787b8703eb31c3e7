import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool, PoolClient, PoolConfig, QueryResult, QueryResultRow } from 'pg';

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

  /** Runs `work` in a transaction, or inside the caller's when one is already open. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const client = await this.pool.connect();
    // A server that goes away between two statements emits 'error' on the checked-out client; the
    // next statement fails and the caller decides. Unheard, that event would crash the process.
    client.on('error', ignoreError);
    let broken = false;
    try {
      await client.query('begin');
      const result = await this.current.run(client, work);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.off('error', ignoreError);
      client.release(broken);
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

function ignoreError(): void {
  // The failed statement reports it.
}
