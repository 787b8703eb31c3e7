import { LogPosition, START_OF_LOG } from '../event-store.port';
import { quoteSchema } from './identifiers';
import { PgDatabase } from './pg-database';

/** Durable positions of catch-up subscriptions, written in the same transaction as their work. */
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

  async save(subscription: string, position: LogPosition): Promise<void> {
    await this.db.query(
      `insert into ${this.s}.checkpoints (subscription, transaction_id, global_position) values ($1, $2::xid8, $3)
       on conflict (subscription) do update
         set transaction_id = excluded.transaction_id, global_position = excluded.global_position, updated_at = now()`,
      [subscription, position.transactionId, position.position],
    );
  }
}
