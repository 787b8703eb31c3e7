import { PgDatabase, quoteSchema } from '@motcua/event-store';

export type InboxOutcome = 'APPLIED' | 'PARKED' | 'DEAD_LETTERED' | 'DISCARDED';

/** The consumed-message ledger, written in the same transaction as the handler's effects. */
export class Inbox {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  /** Records the message; false when this consumer already has it (a redelivery). */
  async record(consumer: string, messageId: string, topic: string, outcome: InboxOutcome): Promise<boolean> {
    const result = await this.db.query(
      `insert into ${this.s}.inbox (consumer, message_id, topic, outcome) values ($1, $2, $3, $4)
       on conflict (consumer, message_id) do nothing`,
      [consumer, messageId, topic, outcome],
    );
    return result.rowCount === 1;
  }

  /** Records a batch's messages in one statement; returns the ids this consumer did not have yet. */
  async recordMany(consumer: string, messageIds: string[], topic: string): Promise<Set<string>> {
    const result = await this.db.query<{ message_id: string }>(
      `insert into ${this.s}.inbox (consumer, message_id, topic, outcome)
       select $1, id, $3, 'APPLIED' from unnest($2::uuid[]) as id
       on conflict (consumer, message_id) do nothing returning message_id`,
      [consumer, messageIds, topic],
    );
    return new Set(result.rows.map((row) => row.message_id.toLowerCase()));
  }

  /** Forgets applied messages older than the retention: a redelivery is far younger (a replay from older offsets applies them again). */
  async prune(olderThanDays: number): Promise<number> {
    const result = await this.db.query(
      `delete from ${this.s}.inbox where outcome = 'APPLIED' and received_at < now() - $1::float8 * interval '1 day'`,
      [olderThanDays],
    );
    return result.rowCount ?? 0;
  }

  async mark(consumer: string, messageId: string, outcome: InboxOutcome): Promise<void> {
    await this.db.query(`update ${this.s}.inbox set outcome = $3 where consumer = $1 and message_id = $2`, [consumer, messageId, outcome]);
  }
}
