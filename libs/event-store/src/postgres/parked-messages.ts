import { quoteSchema } from './identifiers';
import { PgDatabase } from './pg-database';

/**
 * Why a message waits: its subject is not known yet (topics are not ordered against each other),
 * its version is newer than this reader knows, or it keeps its place in order behind one of its
 * subject's messages that was dead-lettered or is itself waiting for its version.
 */
export type ParkReason = 'NOT_YET_KNOWN' | 'UNKNOWN_VERSION' | 'BEHIND_DEAD_LETTER' | 'BEHIND_PARKED';

export interface ParkedMessage {
  id: string;
  consumer: string;
  subject: string;
  messageId: string;
  topic: string;
  envelope: unknown;
  headers: Record<string, string>;
  reason: ParkReason;
  attempts: number;
  parkedAt: Date;
}

export type NewParkedMessage = Omit<ParkedMessage, 'id' | 'parkedAt' | 'reason' | 'attempts'> & { reason?: ParkReason };

export interface ParkedStats {
  reason: ParkReason;
  count: number;
  oldestAgeSeconds: number;
}

/**
 * Messages that cannot be applied yet wait here durably, in arrival order, and are applied when
 * what they wait for arrives — never dead-lettered, never blocking a partition.
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
      `insert into ${this.s}.parked_messages (consumer, subject, message_id, topic, envelope, headers, reason)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (consumer, message_id) do nothing`,
      [
        message.consumer,
        message.subject,
        message.messageId,
        message.topic,
        JSON.stringify(message.envelope),
        JSON.stringify(message.headers),
        message.reason ?? 'NOT_YET_KNOWN',
      ],
    );
    return result.rowCount === 1;
  }

  /** The subject's parked messages in arrival order, locked so that two replicas never apply one twice. */
  async takeForSubject(subject: string): Promise<ParkedMessage[]> {
    const result = await this.db.query<Record<string, unknown>>(
      `select id, consumer, subject, message_id, topic, envelope, headers, reason, attempts, parked_at
       from ${this.s}.parked_messages where subject = $1 order by id for update skip locked`,
      [subject],
    );
    return result.rows.map(toParkedMessage);
  }

  /** Whether one of the consumer's messages about the subject waits in a way that later ones must queue behind. */
  async holdsOrder(consumer: string, subject: string): Promise<boolean> {
    const result = await this.db.query(
      `select 1 from ${this.s}.parked_messages where consumer = $1 and subject = $2 and reason <> 'NOT_YET_KNOWN' limit 1`,
      [consumer, subject],
    );
    return result.rowCount !== 0;
  }

  /** Subjects with messages the sweep should try now (all of them with `all`, as at start-up); those behind a dead letter wait for an operator. */
  async dueSubjects(limit: number, all = false): Promise<string[]> {
    const result = await this.db.query<{ subject: string }>(
      `select subject from ${this.s}.parked_messages
       where reason <> 'BEHIND_DEAD_LETTER' and ($2 or next_attempt_at <= now())
       group by subject order by min(id) limit $1`,
      [limit, all],
    );
    return result.rows.map((row) => row.subject);
  }

  /** Once a consumer's dead letter is resolved, what waited behind it keeps its order behind what is still parked. */
  async release(consumer: string, subject: string): Promise<void> {
    await this.db.query(
      `update ${this.s}.parked_messages set reason = 'BEHIND_PARKED', next_attempt_at = now()
       where consumer = $1 and subject = $2 and reason = 'BEHIND_DEAD_LETTER'`,
      [consumer, subject],
    );
  }

  async setReason(id: string, reason: ParkReason): Promise<void> {
    await this.db.query(`update ${this.s}.parked_messages set reason = $2 where id = $1`, [id, reason]);
  }

  /** Backs the message off exponentially (from `baseMs`, at most `maxMs`); `error` is a code, never a message text. */
  async noteAttempt(id: string, error: string, baseMs: number, maxMs: number): Promise<void> {
    await this.db.query(
      `update ${this.s}.parked_messages set attempts = attempts + 1, last_error = $2,
         next_attempt_at = now() + least($4::float8, $3::float8 * 2 ^ least(attempts, 30)) * interval '1 millisecond'
       where id = $1`,
      [id, error, baseMs, maxMs],
    );
  }

  async remove(id: string): Promise<void> {
    await this.db.query(`delete from ${this.s}.parked_messages where id = $1`, [id]);
  }

  /** The messages waiting, oldest first (of one consumer when given), for operators to look at. */
  async list(consumer?: string, limit = 500): Promise<ParkedMessage[]> {
    const result = await this.db.query<Record<string, unknown>>(
      `select id, consumer, subject, message_id, topic, envelope, headers, reason, attempts, parked_at from ${this.s}.parked_messages
        where ($1::text is null or consumer = $1) order by parked_at, id limit $2`,
      [consumer ?? null, limit],
    );
    return result.rows.map(toParkedMessage);
  }

  async count(): Promise<number> {
    const result = await this.db.query<{ n: string }>(`select count(*) as n from ${this.s}.parked_messages`);
    return Number(result.rows[0].n);
  }

  /** What operations watch: by reason, how many wait and for how long the oldest has. */
  async stats(): Promise<ParkedStats[]> {
    const result = await this.db.query<{ reason: ParkReason; n: string; age: string }>(
      `select reason, count(*) as n, extract(epoch from now() - min(parked_at)) as age
       from ${this.s}.parked_messages group by reason order by reason`,
    );
    return result.rows.map((row) => ({ reason: row.reason, count: Number(row.n), oldestAgeSeconds: Number(row.age) }));
  }
}

function toParkedMessage(row: Record<string, unknown>): ParkedMessage {
  return {
    id: String(row['id']),
    consumer: String(row['consumer']),
    subject: String(row['subject']),
    messageId: String(row['message_id']),
    topic: String(row['topic']),
    envelope: row['envelope'],
    headers: row['headers'] as Record<string, string>,
    reason: row['reason'] as ParkReason,
    attempts: Number(row['attempts']),
    parkedAt: row['parked_at'] as Date,
  };
}
