import { asIntegrationEvent, integrationEvents, IntegrationEvent } from '@motcua/contracts';
import { EventPublisher, Logger, sendToDeadLetter } from '@motcua/messaging';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { BatchMessage, BatchOutcome, BatchProjector } from '../../application/project-batch/batch-projector';

export interface ProjectionConsumerOptions {
  group: string;
  topics: string[];
  logger: Logger;
  sessionTimeoutMs?: number;
  /** Partitions applied at once, each in its own transaction. */
  concurrency?: number;
  /** A rebuild reads what the live consumer has already dead-lettered: it counts them and sends nothing. */
  sendDeadLetters?: boolean;
}

export interface ProjectionCounters {
  applied: number;
  skipped: number;
  duplicates: number;
  deadLettered: number;
  batches: number;
}

/**
 * One consumer group over every topic, a batch at a time. Kafka's committed offsets only save
 * work on a restart: what counts is the offset stored with the rows (BatchProjector). A failed
 * batch (database down) is retried by kafkajs and then by a fresh member, never dead-lettered.
 */
export class ProjectionConsumer {
  private consumer: Consumer | undefined;
  private running = false;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  readonly counters: ProjectionCounters = { applied: 0, skipped: 0, duplicates: 0, deadLettered: 0, batches: 0 };

  constructor(
    private readonly kafka: Kafka,
    private readonly publisher: EventPublisher,
    private readonly projector: BatchProjector,
    private readonly options: ProjectionConsumerOptions,
  ) {}

  get ready(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    this.stopping = false;
    const sessionTimeout = this.options.sessionTimeoutMs ?? 30_000;
    const consumer = this.kafka.consumer({ groupId: this.options.group, allowAutoTopicCreation: false, sessionTimeout, heartbeatInterval: Math.min(3_000, sessionTimeout / 3) });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.running = true;
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.options.logger.error({ err: event.payload.error, group: this.options.group }, 'projection consumer crashed');
      this.running = false;
      if (!event.payload.restart) this.scheduleRestart();
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await consumer.run({
      // Partitions are independent transactions; one dossier's rows are locked across them.
      partitionsConsumedConcurrently: this.options.concurrency ?? 4,
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => {
        const batch = this.processBatch(payload);
        this.inFlight = batch;
        return batch;
      },
    });
  }

  startInBackground(): void {
    this.start().catch((error: unknown) => {
      this.options.logger.error({ err: error, group: this.options.group }, 'projection consumer could not start; retrying');
      this.scheduleRestart();
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.consumer?.disconnect();
    this.consumer = undefined;
    this.running = false;
  }

  /** Stops fetching and waits for the batch in hand to commit; the read models keep serving. */
  async pause(): Promise<void> {
    this.consumer?.pause(this.options.topics.map((topic) => ({ topic })));
    await this.inFlight.catch(() => undefined);
  }

  resume(): void {
    this.consumer?.resume(this.options.topics.map((topic) => ({ topic })));
  }

  private scheduleRestart(): void {
    if (this.stopping) return;
    this.restartTimer = setTimeout(() => {
      void (async () => {
        await this.consumer?.disconnect().catch(() => undefined);
        await this.start().catch(() => this.scheduleRestart());
      })();
    }, 2_000);
    // The HTTP server keeps the process alive; a pending restart alone must not.
    this.restartTimer.unref();
  }

  private async processBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const byOffset = new Map(batch.messages.map((message) => [message.offset, message]));
    const deadLetter = async (offset: string, error: unknown) =>
      this.options.sendDeadLetters === false ? undefined : sendToDeadLetter(this.publisher, this.options.group, { topic: batch.topic, partition: batch.partition, message: byOffset.get(offset) as KafkaMessage, error, attempts: 0 });
    const outcome = await this.projector.apply(batch.topic, batch.partition, batch.messages.map(decode), deadLetter);
    this.count(outcome);
    const last = batch.messages[batch.messages.length - 1].offset;
    resolveOffset(last);
    await this.consumer?.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
    await heartbeat();
  }

  private count(outcome: BatchOutcome): void {
    this.counters.batches += 1;
    this.counters.applied += outcome.applied;
    this.counters.skipped += outcome.skipped;
    this.counters.duplicates += outcome.duplicates;
    this.counters.deadLettered += outcome.deadLettered;
  }
}

function decode(message: KafkaMessage): BatchMessage {
  try {
    const event: IntegrationEvent = asIntegrationEvent(integrationEvents.decode(message.value));
    return { offset: message.offset, event };
  } catch (invalid) {
    return { offset: message.offset, invalid };
  }
}
