import { Envelope, UnknownEventError } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { EventPublisher } from '../kafka/publisher';
import { Logger, silentLogger } from '../logger';
import { sendToDeadLetter } from './dead-letter';
import { Inbox } from './inbox';
import { MessageContext, MessageDecoder, MessageHandler } from './message-handler';
import { failureCode, ParkedMessageDrain } from './parked-message-drain';
import { lockSubject } from './subject-lock';
import { isTransient } from './transient-failure';

export interface InboxConsumerOptions {
  /** Consumer group, e.g. `processing.intake`; also the inbox's consumer name. */
  group: string;
  topic: string;
  handle: MessageHandler;
  /** The event types the handler applies; others are ignored (counted, no transaction). Default: every type the decoder knows. */
  handles?: readonly string[];
  decode: MessageDecoder;
  /** Attempts before a message that fails by itself goes to the dead-letter topic. */
  maxAttempts?: number;
  /** First wait between attempts; it doubles each time. */
  backoffMs?: number;
  /** Longest wait between attempts while the database or the broker is unavailable (default 10 s); those never give up. */
  maxBackoffMs?: number;
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
  ignored: number;
}

export type ConsumerState = 'stopped' | 'starting' | 'running' | 'restarting';

/**
 * The idempotent consumer: for each message, in one PostgreSQL transaction, skip it if the inbox
 * has its event id, else run the handler and record the id; commit offsets after the transaction.
 * A crash anywhere gives a redelivery, never a double effect. An unavailable database or broker is
 * waited for, in place, as long as it takes; a message that fails by itself is retried, then
 * dead-lettered (its subject's later messages wait behind it) so the partition moves on. A
 * malformed message is dead-lettered at once; a type it does not handle is ignored; a version it
 * does not know yet waits, parked.
 */
export class InboxConsumer {
  private consumer: Consumer | undefined;
  private state: ConsumerState = 'stopped';
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly inbox: Inbox;
  private readonly logger: Logger;
  private readonly handled: ReadonlySet<string> | undefined;
  private sweeping = false;
  readonly counters: ConsumerCounters = { applied: 0, duplicates: 0, parked: 0, unparked: 0, deadLettered: 0, ignored: 0 };

  constructor(
    private readonly kafka: Kafka,
    private readonly db: PgDatabase,
    private readonly schema: string,
    private readonly publisher: EventPublisher,
    private readonly drain: ParkedMessageDrain,
    private readonly options: InboxConsumerOptions,
  ) {
    this.inbox = new Inbox(db, schema);
    this.logger = options.logger ?? silentLogger;
    this.handled = options.handles ? new Set(options.handles) : undefined;
    drain.register(options.topic, options.handle, options.decode);
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
    if (!this.sweeping) this.drain.startSweeping();
    this.sweeping = true;
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
    if (this.sweeping) await this.drain.stopSweeping();
    this.sweeping = false;
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
    const owned = () => isRunning() && !isStale();
    let last: string | undefined;
    for (const message of batch.messages) {
      if (!owned()) break;
      if (!(await this.processMessage(batch.topic, batch.partition, message, { heartbeat, owned }))) break;
      resolveOffset(message.offset);
      last = message.offset;
      await heartbeat();
    }
    if (last !== undefined && this.consumer) {
      await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
    }
  }

  /** False when the partition was taken away while the message waited for the infrastructure. */
  private async processMessage(topic: string, partition: number, message: KafkaMessage, turn: Turn): Promise<boolean> {
    const context: MessageContext = { topic, partition, offset: message.offset, headers: stringHeaders(message) };
    const read = this.read(message);
    if (read.kind === 'malformed') return this.deadLetter(turn, context, message, read.error, 0);
    if (read.kind === 'ignored') {
      this.counters.ignored += 1;
      return true;
    }
    if (read.kind === 'unknown-version') return this.whileTransient(turn, () => this.parkUnknownVersion(read.envelope, context));
    const { envelope } = read;
    const maxAttempts = this.options.maxAttempts ?? 5;
    const backoffMs = this.options.backoffMs ?? 200;
    for (let attempt = 1, outage = 0; ; ) {
      try {
        await this.apply(envelope, context);
        await this.options.afterCommit?.(envelope);
        return true;
      } catch (error) {
        if (!turn.owned()) return false;
        if (isTransient(error)) {
          // The infrastructure, not the message: wait for it as long as it takes, holding the partition.
          outage += 1;
          this.logger.warn({ err: error, group: this.options.group, outage, eventId: envelope.id }, 'infrastructure unavailable; retrying the message');
          await this.pause(Math.min(this.options.maxBackoffMs ?? 10_000, backoffMs * 2 ** Math.min(outage - 1, 20)), turn);
          continue;
        }
        if (attempt >= maxAttempts) return this.deadLetter(turn, context, message, error, attempt, envelope);
        this.logger.warn({ err: error, group: this.options.group, attempt, eventId: envelope.id }, 'message failed; retrying');
        await this.pause(backoffMs * 2 ** (attempt - 1), turn);
        attempt += 1;
      }
    }
  }

  private read(message: KafkaMessage): Read {
    try {
      const envelope = this.options.decode(message.value ?? Buffer.alloc(0));
      return this.handles(envelope.type, false) ? { kind: 'envelope', envelope } : { kind: 'ignored' };
    } catch (error) {
      if (!(error instanceof UnknownEventError)) return { kind: 'malformed', error };
      // A newer producer's type or version: not this consumer's business, or its business after an upgrade.
      if (!this.handles(error.envelope.type, error.unknown === 'TYPE')) return { kind: 'ignored' };
      return { kind: 'unknown-version', envelope: error.envelope };
    }
  }

  /** Types unknown to the registry count as handled only when the handler names them. */
  private handles(type: string, unknownType: boolean): boolean {
    return this.handled ? this.handled.has(type) : !unknownType;
  }

  private async apply(envelope: Envelope, context: MessageContext): Promise<void> {
    // Parked messages waiting for this subject are applied in the same transaction, so a crash
    // cannot leave them waiting for a next message that may never come.
    const outcome = await this.db.transaction(async () => {
      const { group } = this.options;
      await lockSubject(this.db, this.schema, envelope.subject);
      if (!(await this.inbox.record(group, envelope.id, context.topic, 'APPLIED'))) return { kind: 'duplicate' as const };
      // A dossier's messages keep their order: behind a dead letter or a message waiting for its version.
      const behind = await this.drain.orderHeldBy(group, envelope.subject);
      if (behind) await this.drain.park(group, envelope, context, behind);
      if (behind || (await this.drain.runOrPark(group, envelope, context))) {
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

  private async parkUnknownVersion(envelope: Envelope, context: MessageContext): Promise<void> {
    const parked = await this.db.transaction(async () => {
      const { group } = this.options;
      await lockSubject(this.db, this.schema, envelope.subject);
      if (!(await this.inbox.record(group, envelope.id, context.topic, 'PARKED'))) return false;
      const behind = await this.drain.orderHeldBy(group, envelope.subject);
      await this.drain.park(group, envelope, context, behind === 'BEHIND_DEAD_LETTER' ? behind : 'UNKNOWN_VERSION');
      return true;
    });
    this.counters[parked ? 'parked' : 'duplicates'] += 1;
    this.logger.warn({ group: this.options.group, eventId: envelope.id, type: envelope.type, version: envelope.schemaversion }, 'unknown event version parked');
  }

  /**
   * The topic gets the message first: a crash before the record below only sends it there twice.
   * The record holds the subject's later messages behind it until it is re-driven or discarded.
   */
  private async deadLetter(turn: Turn, context: MessageContext, message: KafkaMessage, error: unknown, attempts: number, envelope?: Envelope): Promise<boolean> {
    const { group } = this.options;
    const letter = { topic: context.topic, partition: context.partition, message, error, attempts };
    if (!(await this.whileTransient(turn, () => sendToDeadLetter(this.publisher, group, letter)))) return false;
    if (envelope && !(await this.whileTransient(turn, () => this.recordDeadLetter(envelope, context, error, attempts)))) return false;
    this.counters.deadLettered += 1;
    this.logger.error({ err: error, group, topic: context.topic, partition: context.partition, offset: message.offset, attempts }, 'message sent to the dead-letter topic');
    return true;
  }

  private async recordDeadLetter(envelope: Envelope, context: MessageContext, error: unknown, attempts: number): Promise<void> {
    const { group } = this.options;
    await this.db.transaction(async () => {
      await lockSubject(this.db, this.schema, envelope.subject);
      if (!(await this.inbox.record(group, envelope.id, context.topic, 'DEAD_LETTERED'))) return;
      const { id: messageId, subject } = envelope;
      await this.drain.deadLetters.record({ consumer: group, messageId, subject, topic: context.topic, envelope, headers: context.headers, errorCode: failureCode(error), attempts });
    });
  }

  /** Runs `work`, retrying infrastructure failures in place for as long as the partition is ours. */
  private async whileTransient(turn: Turn, work: () => Promise<void>): Promise<boolean> {
    for (let outage = 1; ; outage++) {
      try {
        await work();
        return true;
      } catch (error) {
        if (!isTransient(error)) throw error;
        if (!turn.owned()) return false;
        this.logger.warn({ err: error, group: this.options.group, outage }, 'infrastructure unavailable; retrying');
        await this.pause(Math.min(this.options.maxBackoffMs ?? 10_000, (this.options.backoffMs ?? 200) * 2 ** Math.min(outage - 1, 20)), turn);
      }
    }
  }

  /** Waits, heartbeating so that the group keeps the partition with this member meanwhile. */
  private async pause(ms: number, turn: Turn): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until && turn.owned()) {
      await sleep(Math.min(1_000, until - Date.now()));
      await turn.heartbeat();
    }
  }
}

interface Turn {
  heartbeat(): Promise<void>;
  owned(): boolean;
}

type Read =
  | { kind: 'envelope'; envelope: Envelope }
  | { kind: 'ignored' }
  | { kind: 'unknown-version'; envelope: Envelope }
  | { kind: 'malformed'; error: unknown };

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
