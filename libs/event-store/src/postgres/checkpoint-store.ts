import { LogPosition, START_OF_LOG } from '../event-store.port';
import { quoteSchema } from './identifiers';
import { PgDatabase } from './pg-database';

/**
 * Durable positions of catch-up subscriptions, written in the same transaction as their work (or,
 * for a relay, just after it). A position only moves from the one its writer read.
 */
export class CheckpointStore {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async load(subscription: string): Promise<LogPosition> {
    const result = await this.db.query<{ transaction_id: string; global_position: string }>(
      `select transaction_id::text as transaction_id, global_position from ${this.s}.checkpoints where subscription = $1`,
      [subscription],
    );
    const row = result.rows[0];
    return row ? { transactionId: row.transaction_id, position: String(row.global_position) } : START_OF_LOG;
  }

  /**
   * Moves the checkpoint from the position its writer read to `to` (compare-and-set). False when
   * the stored position is no longer `from`: another instance moved it, and this one's batch
   * must not commit.
   */
  async move(subscription: string, from: LogPosition, to: LogPosition): Promise<boolean> {
    const atStart = from.transactionId === START_OF_LOG.transactionId && from.position === START_OF_LOG.position;
    const result = atStart
      ? await this.db.query(
          `insert into ${this.s}.checkpoints as c (subscription, transaction_id, global_position) values ($1, $2::xid8, $3)
           on conflict (subscription) do update
             set transaction_id = excluded.transaction_id, global_position = excluded.global_position, updated_at = now()
             where c.transaction_id = '0'::xid8 and c.global_position = 0`,
          [subscription, to.transactionId, to.position],
        )
      : await this.db.query(
          `update ${this.s}.checkpoints set transaction_id = $2::xid8, global_position = $3, updated_at = now()
           where subscription = $1 and transaction_id = $4::xid8 and global_position = $5`,
          [subscription, to.transactionId, to.position, from.transactionId, from.position],
        );
    return result.rowCount === 1;
  }
}
