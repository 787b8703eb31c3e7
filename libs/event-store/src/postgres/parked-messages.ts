import { quoteSchema } from './identifiers';
import { PgDatabase } from './pg-database';

export interface ParkedMessage {
  id: string;
  consumer: string;
  subject: string;
  messageId: string;
  topic: string;
  envelope: unknown;
  headers: Record<string, string>;
  parkedAt: Date;
}

export type NewParkedMessage = Omit<ParkedMessage, 'id' | 'parkedAt'>;

/**
 * Messages about an aggregate this service does not know yet (topics are not ordered against each
 * other: a payment can arrive before the case exists). They wait durably, in arrival order, and
 * are applied when the aggregate arrives — never dead-lettered, never blocking a partition.
 */
export class ParkedMessages {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  /** Returns false when the same message was already parked by this consumer. */
  async park(message: NewParkedMessage): Promise<boolean> {
    const result = await this.db.query(
      `insert into ${this.s}.parked_messages (consumer, subject, message_id, topic, envelope, headers)
       values ($1, $2, $3, $4, $5, $6) on conflict (consumer, message_id) do nothing`,
      [message.consumer, message.subject, message.messageId, message.topic, JSON.stringify(message.envelope), JSON.stringify(message.headers)],
    );
    return result.rowCount === 1;
  }

  /** The subject's parked messages in arrival order, locked so that two replicas never apply one twice. */
  async takeForSubject(subject: string): Promise<ParkedMessage[]> {
    const result = await this.db.query<Record<string, unknown>>(
      `select id, consumer, subject, message_id, topic, envelope, headers, parked_at
       from ${this.s}.parked_messages where subject = $1 order by id for update skip locked`,
      [subject],
    );
    return result.rows.map((row) => ({
      id: String(row['id']),
      consumer: String(row['consumer']),
      subject: String(row['subject']),
      messageId: String(row['message_id']),
      topic: String(row['topic']),
      envelope: row['envelope'],
      headers: row['headers'] as Record<string, string>,
      parkedAt: row['parked_at'] as Date,
    }));
  }

  async remove(id: string): Promise<void> {
    await this.db.query(`delete from ${this.s}.parked_messages where id = $1`, [id]);
  }

  async count(): Promise<number> {
    const result = await this.db.query<{ n: string }>(`select count(*) as n from ${this.s}.parked_messages`);
    return Number(result.rows[0].n);
  }
}
