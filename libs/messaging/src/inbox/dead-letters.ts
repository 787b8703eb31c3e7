import type { Envelope } from '@motcua/contracts';
import { PgDatabase, quoteSchema } from '@motcua/event-store';

export type DeadLetterStatus = 'OPEN' | 'REDRIVEN' | 'DISCARDED';

export interface DeadLetterRecord {
  consumer: string;
  messageId: string;
  subject: string;
  topic: string;
  envelope: Envelope;
  headers: Record<string, string>;
  errorCode: string;
  attempts: number;
  deadLetteredAt: Date;
  status: DeadLetterStatus;
  resolvedBy?: string;
  resolvedReason?: string;
  resolvedAt?: Date;
}

export type NewDeadLetter = Pick<DeadLetterRecord, 'consumer' | 'messageId' | 'subject' | 'topic' | 'envelope' | 'headers' | 'errorCode' | 'attempts'>;

/**
 * The service's record of the messages it dead-lettered, by consumer. An open one holds its
 * subject's later messages back (the sequenced dead-letter queue), so a dossier's events are
 * never applied out of order around a failure.
 */
export class DeadLetters {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async record(letter: NewDeadLetter): Promise<void> {
    await this.db.query(
      `insert into ${this.s}.dead_letters (consumer, message_id, subject, topic, envelope, headers, error_code, attempts)
       values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (consumer, message_id) do nothing`,
      [letter.consumer, letter.messageId, letter.subject, letter.topic, JSON.stringify(letter.envelope), JSON.stringify(letter.headers), letter.errorCode, letter.attempts],
    );
  }

  async holdsSubject(consumer: string, subject: string): Promise<boolean> {
    const result = await this.db.query(`select 1 from ${this.s}.dead_letters where consumer = $1 and subject = $2 and status = 'OPEN' limit 1`, [consumer, subject]);
    return result.rowCount !== 0;
  }

  /** Consumers holding the subject back; one query for a drain that serves every consumer. */
  async consumersHolding(subject: string): Promise<Set<string>> {
    const result = await this.db.query<{ consumer: string }>(`select distinct consumer from ${this.s}.dead_letters where subject = $1 and status = 'OPEN'`, [subject]);
    return new Set(result.rows.map((row) => row.consumer));
  }

  /** Open dead letters, oldest first (of one consumer when given). */
  async open(consumer?: string): Promise<DeadLetterRecord[]> {
    const result = await this.db.query<Record<string, unknown>>(
      `select * from ${this.s}.dead_letters where status = 'OPEN' and ($1::text is null or consumer = $1) order by dead_lettered_at, message_id`,
      [consumer ?? null],
    );
    return result.rows.map(toRecord);
  }

  /** Dead letters by status (every status with `ALL`), oldest first, of one consumer when given. */
  async list(consumer: string | undefined, status: DeadLetterStatus | 'ALL'): Promise<DeadLetterRecord[]> {
    const result = await this.db.query<Record<string, unknown>>(
      `select * from ${this.s}.dead_letters where ($1::text is null or consumer = $1) and ($2::text = 'ALL' or status = $2) order by dead_lettered_at, message_id limit 1000`,
      [consumer ?? null, status],
    );
    return result.rows.map(toRecord);
  }

  async countOpen(): Promise<number> {
    const result = await this.db.query<{ n: string }>(`select count(*) as n from ${this.s}.dead_letters where status = 'OPEN'`);
    return Number(result.rows[0].n);
  }

  /** One dead letter; `forUpdate` locks it against a concurrent re-drive or discard. */
  async find(consumer: string, messageId: string, forUpdate = false): Promise<DeadLetterRecord | undefined> {
    const result = await this.db.query<Record<string, unknown>>(
      `select * from ${this.s}.dead_letters where consumer = $1 and message_id = $2 ${forUpdate ? 'for update' : ''}`,
      [consumer, messageId],
    );
    return result.rows[0] ? toRecord(result.rows[0]) : undefined;
  }

  async resolve(consumer: string, messageId: string, status: Exclude<DeadLetterStatus, 'OPEN'>, by: string, reason?: string): Promise<void> {
    await this.db.query(
      `update ${this.s}.dead_letters set status = $3, resolved_by = $4, resolved_reason = $5, resolved_at = now()
       where consumer = $1 and message_id = $2 and status = 'OPEN'`,
      [consumer, messageId, status, by, reason ?? null],
    );
  }
}

function toRecord(row: Record<string, unknown>): DeadLetterRecord {
  return {
    consumer: String(row['consumer']),
    messageId: String(row['message_id']),
    subject: String(row['subject']),
    topic: String(row['topic']),
    envelope: row['envelope'] as Envelope,
    headers: row['headers'] as Record<string, string>,
    errorCode: String(row['error_code']),
    attempts: Number(row['attempts']),
    deadLetteredAt: row['dead_lettered_at'] as Date,
    status: row['status'] as DeadLetterStatus,
    ...(row['resolved_by'] ? { resolvedBy: String(row['resolved_by']) } : {}),
    ...(row['resolved_reason'] ? { resolvedReason: String(row['resolved_reason']) } : {}),
    ...(row['resolved_at'] ? { resolvedAt: row['resolved_at'] as Date } : {}),
  };
}
