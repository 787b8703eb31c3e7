import type { Envelope } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { EventPublisher } from '../kafka/publisher';
import { Logger, silentLogger } from '../logger';
import { sendToDeadLetter } from './dead-letter';
import { ApplyOutcome, Delivery, InboxTransactions } from './inbox-transactions';
import { MessageContext, MessageDecoder, MessageHandler } from './message-handler';
import { ParkedMessageDrain } from './parked-message-drain';
import { PartitionTurn } from './partition-turn';
import { Read, readMessage, stringHeaders } from './read-message';
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
  /** Partitions consumed at once (default 3). */
  partitionsConcurrently?: number;
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
  private readonly transactions: InboxTransactions;
  private readonly logger: Logger;
  private readonly handled: ReadonlySet<string> | undefined;
  private sweeping = false;
  readonly counters: ConsumerCounters = { applied: 0, duplicates: 0, parked: 0, unparked: 0, deadLettered: 0, ignored: 0 };

  constructor(
    private readonly kafka: Kafka,
    db: PgDatabase,
    schema: string,
    private readonly publisher: EventPublisher,
    private readonly drain: ParkedMessageDrain,
    private readonly options: InboxConsumerOptions,
  ) {
    this.transactions = new InboxTransactions(db, schema, drain, options.group);
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
      // Partitions are independent (a dossier's messages share one); the subject lock covers the rest.
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 3,
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
    const { backoffMs = 200, maxBackoffMs = 10_000, group } = this.options;
    const turn = new PartitionTurn(heartbeat, () => isRunning() && !isStale(), { firstMs: backoffMs, atMostMs: maxBackoffMs }, this.logger, group);
    let last: string | undefined;
    let run: Run = [];
    // Messages to apply go in runs, one transaction each; the others (ignored, parked for their
    // version, malformed) are handled between runs, so offsets still move in order.
    const flush = async () => {
      const ok = await this.processRun(run, turn);
      if (ok) for (const { message } of run) resolveOffset((last = message.offset));
      run = [];
      await heartbeat();
      return ok;
    };
    for (const message of batch.messages) {
      if (!turn.owned()) break;
      const context: MessageContext = { topic: batch.topic, partition: batch.partition, offset: message.offset, headers: stringHeaders(message) };
      const read = readMessage(message, this.options.decode, this.handled);
      if (read.kind === 'envelope') {
        run.push({ envelope: read.envelope, context, message });
        if (run.length < RUN_LENGTH) continue;
        if (!(await flush())) break;
        continue;
      }
      if (run.length > 0 && !(await flush())) break;
      if (!(await this.processOther(read, context, message, turn))) break;
      resolveOffset((last = message.offset));
    }
    if (run.length > 0) await flush();
    if (last !== undefined && this.consumer) {
      await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
    }
  }

  /** False when the partition was taken away meanwhile. */
  private async processRun(run: Run, turn: PartitionTurn): Promise<boolean> {
    if (run.length === 0) return true;
    if (!turn.owned()) return false;
    if (run.length > 1) {
      try {
        const outcomes = await this.transactions.applyAll(run);
        outcomes.forEach((outcome) => this.count(outcome));
        for (const { envelope } of run) await this.options.afterCommit?.(envelope);
        return true;
      } catch (error) {
        // One message at a time finds the failing one and gives it its attempts.
        this.logger.debug({ err: error, group: this.options.group }, 'batch failed; applying its messages one by one');
      }
    }
    for (const delivery of run) if (!(await this.processMessage(delivery, turn))) return false;
    return true;
  }

  private async processOther(read: Exclude<Read, { kind: 'envelope' }>, context: MessageContext, message: KafkaMessage, turn: PartitionTurn): Promise<boolean> {
    if (read.kind === 'malformed') return this.deadLetter(turn, context, message, read.error, 0);
    if (read.kind === 'unknown-version') return turn.whileTransient(() => this.parkUnknownVersion(read.envelope, context));
    this.counters.ignored += 1;
    return true;
  }

  /** False when the partition was taken away while the message waited for the infrastructure. */
  private async processMessage({ envelope, context, message }: Run[number], turn: PartitionTurn): Promise<boolean> {
    const { maxAttempts = 5, backoffMs = 200 } = this.options;
    for (let attempt = 1, outage = 0; ; ) {
      try {
        this.count(await this.transactions.apply(envelope, context));
        await this.options.afterCommit?.(envelope);
        return true;
      } catch (error) {
        if (!turn.owned()) return false;
        if (isTransient(error)) {
          // The infrastructure, not the message: wait for it as long as it takes, holding the partition.
          await turn.waitOutage(error, ++outage);
          continue;
        }
        if (attempt >= maxAttempts) return this.deadLetter(turn, context, message, error, attempt, envelope);
        this.logger.warn({ err: error, group: this.options.group, attempt, eventId: envelope.id }, 'message failed; retrying');
        await turn.wait(backoffMs * 2 ** (attempt - 1));
        attempt += 1;
      }
    }
  }

  private count(outcome: ApplyOutcome): void {
    if (outcome.kind === 'duplicate') this.counters.duplicates += 1;
    if (outcome.kind === 'parked') this.counters.parked += 1;
    if (outcome.kind === 'applied') {
      this.counters.applied += 1;
      this.counters.unparked += outcome.unparked;
    }
  }

  private async parkUnknownVersion(envelope: Envelope, context: MessageContext): Promise<void> {
    const parked = await this.transactions.parkUnknownVersion(envelope, context);
    this.counters[parked ? 'parked' : 'duplicates'] += 1;
    this.logger.warn({ group: this.options.group, eventId: envelope.id, type: envelope.type, version: envelope.schemaversion }, 'unknown event version parked');
  }

  /**
   * The topic gets the message first: a crash before the record below only sends it there twice.
   * The record holds the subject's later messages behind it until it is re-driven or discarded.
   */
  private async deadLetter(turn: PartitionTurn, context: MessageContext, message: KafkaMessage, error: unknown, attempts: number, envelope?: Envelope): Promise<boolean> {
    const { group } = this.options;
    const letter = { topic: context.topic, partition: context.partition, message, error, attempts };
    if (!(await turn.whileTransient(() => sendToDeadLetter(this.publisher, group, letter)))) return false;
    if (envelope && !(await turn.whileTransient(() => this.transactions.recordDeadLetter(envelope, context, error, attempts)))) return false;
    this.counters.deadLettered += 1;
    this.logger.error({ err: error, group, topic: context.topic, partition: context.partition, offset: message.offset, attempts }, 'message sent to the dead-letter topic');
    return true;
  }
}

/** Messages applied in one transaction at most: a long run holds its subjects' locks longer. */
const RUN_LENGTH = 100;

type Run = (Delivery & { message: KafkaMessage })[];
