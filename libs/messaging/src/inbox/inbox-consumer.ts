import type { Envelope } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { EventPublisher } from '../kafka/publisher';
import { Logger, silentLogger } from '../logger';
import { sendToDeadLetter } from './dead-letter';
import { Inbox } from './inbox';
import { MessageContext, MessageDecoder, MessageHandler } from './message-handler';
import { ParkedMessageDrain } from './parked-message-drain';

export interface InboxConsumerOptions {
  /** Consumer group, e.g. `processing.intake`; also the inbox's consumer name. */
  group: string;
  topic: string;
  handle: MessageHandler;
  decode: MessageDecoder;
  /** Attempts before a message goes to the dead-letter topic. */
  maxAttempts?: number;
  backoffMs?: number;
  /** kafkajs retries of a failing batch before the consumer crashes and restarts (default 5). */
  retries?: number;
  /** How long the group waits for a silent member before giving its partitions away. */
  sessionTimeoutMs?: number;
  logger?: Logger;
  /** Test seam: called after a message's transaction committed, before its offset is committed. */
  afterCommit?(envelope: Envelope): Promise<void> | void;
}

export interface ConsumerCounters {
  applied: number;
  duplicates: number;
  parked: number;
  unparked: number;
  deadLettered: number;
}

export type ConsumerState = 'stopped' | 'starting' | 'running' | 'restarting';

/**
 * The idempotent consumer: for each message, in one PostgreSQL transaction, skip it if the inbox
 * has its event id, else run the handler and record the id; commit offsets after the transaction.
 * A crash anywhere gives a redelivery, never a double effect. Failures are retried with backoff,
 * then dead-lettered with the error so the partition moves on; a malformed message is
 * dead-lettered at once.
 */
export class InboxConsumer {
  private consumer: Consumer | undefined;
  private state: ConsumerState = 'stopped';
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly inbox: Inbox;
  private readonly logger: Logger;
  readonly counters: ConsumerCounters = { applied: 0, duplicates: 0, parked: 0, unparked: 0, deadLettered: 0 };

  constructor(
    private readonly kafka: Kafka,
    private readonly db: PgDatabase,
    schema: string,
    private readonly publisher: EventPublisher,
    private readonly drain: ParkedMessageDrain,
    private readonly options: InboxConsumerOptions,
  ) {
    this.inbox = new Inbox(db, schema);
    this.logger = options.logger ?? silentLogger;
    drain.register(options.topic, options.handle);
  }

  status(): { name: string; state: ConsumerState; ready: boolean } {
    return { name: `${this.options.group} <- ${this.options.topic}`, state: this.state, ready: this.state === 'running' };
  }

  async start(): Promise<void> {
    this.stopping = false;
    this.state = 'starting';
    const consumer = this.kafka.consumer({
      groupId: this.options.group,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.min(3_000, (this.options.sessionTimeoutMs ?? 30_000) / 3),
      // kafkajs restarts by itself after retriable errors; the rest reach the crash handler below.
      retry: { retries: this.options.retries ?? 5, initialRetryTime: 300 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.state = 'running';
    });
    consumer.on(consumer.events.CRASH, (event) => {
      const { error, restart } = event.payload;
      this.logger.error({ err: error, group: this.options.group, restart }, 'consumer crashed');
      this.state = 'restarting';
      if (!restart) this.scheduleRestart();
    });
    await consumer.connect();
    await consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  /** Starts without holding up the caller; a broker that is not there yet is retried, not-ready meanwhile. */
  startInBackground(): void {
    this.start().catch((error: unknown) => {
      this.logger.error({ err: error, group: this.options.group }, 'consumer could not start; retrying');
      this.state = 'restarting';
      this.scheduleRestart();
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.consumer?.disconnect();
    this.consumer = undefined;
    this.state = 'stopped';
  }

  /** A consumer that crashed for good is replaced by a fresh member; readiness is false meanwhile. */
  private scheduleRestart(): void {
    if (this.stopping) return;
    this.restartTimer = setTimeout(() => {
      void (async () => {
        try {
          await this.consumer?.disconnect().catch(() => undefined);
          await this.start();
        } catch (error) {
          this.logger.error({ err: error, group: this.options.group }, 'consumer restart failed');
          this.scheduleRestart();
        }
      })();
    }, 2_000);
  }

  private async processBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    let last: string | undefined;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      await this.processMessage(batch.topic, batch.partition, message, heartbeat);
      resolveOffset(message.offset);
      last = message.offset;
      await heartbeat();
    }
    if (last !== undefined && this.consumer) {
      await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
    }
  }

  private async processMessage(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    let envelope: Envelope;
    try {
      envelope = this.options.decode(message.value ?? Buffer.alloc(0));
    } catch (error) {
      await this.deadLetter(topic, partition, message, error, 0);
      return;
    }
    const context: MessageContext = { topic, partition, offset: message.offset, headers: stringHeaders(message) };
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.apply(envelope, context);
        await this.options.afterCommit?.(envelope);
        return;
      } catch (error) {
        if (attempt >= maxAttempts) {
          await this.deadLetter(topic, partition, message, error, attempt);
          return;
        }
        this.logger.warn({ err: error, group: this.options.group, attempt, eventId: envelope.id }, 'message failed; retrying');
        await sleep((this.options.backoffMs ?? 200) * 2 ** (attempt - 1));
        await heartbeat();
      }
    }
  }

  private async apply(envelope: Envelope, context: MessageContext): Promise<void> {
    // Parked messages waiting for this subject are applied in the same transaction, so a crash
    // cannot leave them waiting for a next message that may never come.
    const outcome = await this.db.transaction(async () => {
      const { group } = this.options;
      // One subject's messages are applied one at a time across the service's consumers and
      // replicas. Without it, a message parked because its subject was unknown could commit just
      // after another consumer's transaction, making the subject known, had drained the park
      // (neither saw the other's uncommitted row), and would then wait for a message that may
      // never come. The lock is released when the transaction ends.
      await this.db.query("select pg_advisory_xact_lock(hashtext('motcua.inbox.subject'), hashtext($1))", [envelope.subject]);
      if (!(await this.inbox.record(group, envelope.id, context.topic, 'APPLIED'))) return { kind: 'duplicate' as const };
      if (await this.drain.runOrPark(group, envelope, context)) {
        await this.inbox.mark(group, envelope.id, 'PARKED');
        return { kind: 'parked' as const };
      }
      return { kind: 'applied' as const, unparked: await this.drain.drain(envelope.subject) };
    });
    if (outcome.kind === 'duplicate') this.counters.duplicates += 1;
    if (outcome.kind === 'parked') this.counters.parked += 1;
    if (outcome.kind === 'applied') {
      this.counters.applied += 1;
      this.counters.unparked += outcome.unparked;
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown, attempts: number): Promise<void> {
    await sendToDeadLetter(this.publisher, this.options.group, { topic, partition, message, error, attempts });
    this.counters.deadLettered += 1;
    this.logger.error(
      { err: error, group: this.options.group, topic, partition, offset: message.offset, attempts },
      'message sent to the dead-letter topic',
    );
  }
}

function stringHeaders(message: KafkaMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = String(Array.isArray(value) ? value[0] : value);
  }
  return headers;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
