import type { Envelope } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { KafkaMember, MemberState } from '../kafka/kafka-member';
import { EventPublisher } from '../kafka/publisher';
import { Logger, silentLogger } from '../logger';
import { InboxTransactions } from './inbox-transactions';
import { MessageDecoder, MessageHandler } from './message-handler';
import { MessageProcessor } from './message-processor';
import { ParkedMessageDrain } from './parked-message-drain';
import { PartitionTurn } from './partition-turn';

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

export type ConsumerState = MemberState;

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
  private readonly member: KafkaMember;
  private readonly processor: MessageProcessor;
  private readonly logger: Logger;
  private sweeping = false;
  /** Per partition, the messages beyond the last batch settled (as of that batch). */
  readonly lag = new Map<number, number>();
  readonly counters: ConsumerCounters = { applied: 0, duplicates: 0, parked: 0, unparked: 0, deadLettered: 0, ignored: 0 };

  constructor(
    kafka: Kafka,
    db: PgDatabase,
    schema: string,
    publisher: EventPublisher,
    private readonly drain: ParkedMessageDrain,
    private readonly options: InboxConsumerOptions,
  ) {
    this.logger = options.logger ?? silentLogger;
    this.processor = new MessageProcessor(options, new InboxTransactions(db, schema, drain, options.group), publisher, this.counters, this.logger);
    drain.register(options.topic, options.handle, options.decode);
    this.member = new KafkaMember(kafka, {
      group: options.group,
      topics: [options.topic],
      logger: this.logger,
      name: 'consumer',
      sessionTimeoutMs: options.sessionTimeoutMs,
      // kafkajs retries retriable errors in place; past them, the member crashes and is replaced.
      retry: { retries: options.retries ?? 5, initialRetryTime: 300 },
      // Partitions are independent (a dossier's messages share one); the subject lock covers the rest.
      partitionsConsumedConcurrently: options.partitionsConcurrently ?? 3,
      eachBatch: (payload, consumer) => this.processBatch(payload, consumer),
    });
  }

  status(): { name: string; state: ConsumerState; ready: boolean; awaySince?: number } {
    return { name: `${this.options.group} <- ${this.options.topic}`, state: this.member.state, ready: this.member.ready, awaySince: this.member.awaySince };
  }

  get topic(): string {
    return this.options.topic;
  }

  /** The kafkajs consumer of the moment; undefined between members. */
  get kafkaConsumer(): Consumer | undefined {
    return this.member.consumer;
  }

  async start(): Promise<void> {
    if (!this.sweeping) this.drain.startSweeping();
    this.sweeping = true;
    await this.member.start();
  }

  /** Starts without holding up the caller; a broker that is not there yet is retried, not-ready meanwhile. */
  startInBackground(): void {
    if (!this.sweeping) this.drain.startSweeping();
    this.sweeping = true;
    this.member.startInBackground();
  }

  async stop(): Promise<void> {
    await this.member.stop();
    if (this.sweeping) await this.drain.stopSweeping();
    this.sweeping = false;
  }

  private async processBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload, consumer: Consumer): Promise<void> {
    const { backoffMs = 200, maxBackoffMs = 10_000, group } = this.options;
    const turn = new PartitionTurn(heartbeat, () => isRunning() && !isStale(), { firstMs: backoffMs, atMostMs: maxBackoffMs }, this.logger, group);
    const last = await this.processor.processBatch(batch, resolveOffset, turn);
    // What the partition holds beyond what this batch settled: the lag operations watch.
    const settled = last === undefined ? BigInt(batch.firstOffset() ?? batch.highWatermark) : BigInt(last) + 1n;
    this.lag.set(batch.partition, Number(BigInt(batch.highWatermark) - settled));
    if (last !== undefined) {
      await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
    }
  }
}
