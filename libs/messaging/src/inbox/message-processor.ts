import type { Envelope } from '@motcua/contracts';
import { Batch, KafkaMessage } from 'kafkajs';
import { EventPublisher } from '../kafka/publisher';
import { Logger } from '../logger';
import { sendToDeadLetter } from './dead-letter';
import type { ConsumerCounters, InboxConsumerOptions } from './inbox-consumer';
import { ApplyOutcome, Delivery, InboxTransactions } from './inbox-transactions';
import { MessageContext } from './message-handler';
import { PartitionTurn } from './partition-turn';
import { Read, readMessage, stringHeaders } from './read-message';
import { isTransient } from '@motcua/platform';

/**
 * What the consumer does with one partition's batch: messages to apply go in runs, one
 * transaction each (one by one when a run fails, so the failing message gets its attempts); the
 * others (ignored, parked for their version, malformed) are handled between runs, so offsets still
 * move in order. Infrastructure failures are waited for in place; only a message failing by
 * itself is dead-lettered.
 */
export class MessageProcessor {
  private readonly handled: ReadonlySet<string> | undefined;

  constructor(
    private readonly options: InboxConsumerOptions,
    private readonly transactions: InboxTransactions,
    private readonly publisher: EventPublisher,
    private readonly counters: ConsumerCounters,
    private readonly logger: Logger,
  ) {
    this.handled = options.handles ? new Set(options.handles) : undefined;
  }

  /** Returns the last offset handled, in order (undefined: none). */
  async processBatch(batch: Batch, resolveOffset: (offset: string) => void, turn: PartitionTurn): Promise<string | undefined> {
    let last: string | undefined;
    let run: Run = [];
    const flush = async () => {
      const ok = await this.processRun(run, turn);
      if (ok) for (const { message } of run) resolveOffset((last = message.offset));
      run = [];
      await turn.heartbeat();
      return ok;
    };
    for (const message of batch.messages) {
      if (!turn.owned()) break;
      const context: MessageContext = { topic: batch.topic, partition: batch.partition, offset: message.offset, headers: stringHeaders(message) };
      const read = readMessage(message, this.options.decode, this.handled);
      if (read.kind === 'envelope') {
        run.push({ envelope: read.envelope, context, message });
        if (run.length < RUN_LENGTH) continue;
        if (!(await flush())) return last;
        continue;
      }
      if (run.length > 0 && !(await flush())) return last;
      if (!(await this.processOther(read, context, message, turn))) return last;
      resolveOffset((last = message.offset));
    }
    if (run.length > 0) await flush();
    return last;
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
