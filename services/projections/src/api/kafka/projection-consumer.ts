import { isKnownHolidayTable } from '@motcua/calendar';
import { asIntegrationEvent, integrationEvents } from '@motcua/contracts';
import { EventPublisher, KafkaMember, Logger, MessageDecoder, PartitionTurn, Read, readMessage, sendToDeadLetter } from '@motcua/messaging';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { BatchMessage, BatchOutcome, BatchProjector } from '../../application/project-batch/batch-projector';
import { StoredPositions } from './stored-positions';

/**
 * The most one fetch brings of a partition. A gzip'd MiB (kafkajs's default) is some 11 000
 * events, all held across one transaction's statements; batches of a few thousand leave less to
 * the old generation's collector and let a fetch's decoding run beside another batch's statements.
 */
export const PROJECTION_FETCH_BYTES_PER_PARTITION = 256 * 1024;

/** How soon a partition a rebuild's bound stopped looks again: the bound moves up as the live tables apply. */
const AT_BOUND_RECHECK_MS = 200;

export interface ProjectionConsumerOptions {
  group: string;
  topics: string[];
  logger: Logger;
  sessionTimeoutMs?: number;
  /** Partitions applied at once, each in its own transaction. */
  concurrency?: number;
  /** A rebuild reads what the live consumer has already dead-lettered: it counts them and sends nothing. */
  sendDeadLetters?: boolean;
  /** Reads a message into an envelope; an upgraded service knows more versions. */
  decode?: MessageDecoder;
  /** How often a partition held at an unknown version looks again (capped exponential). */
  holdBackoffMs?: { firstMs: number; atMostMs: number };
}

/** A partition waiting at an event whose version this service does not know yet. */
export interface HeldPartition {
  topic: string;
  partition: number;
  offset: string;
  eventId: string;
  type: string;
  version: number;
  since: string;
  attempts: number;
}

export interface ProjectionCounters {
  applied: number;
  skipped: number;
  duplicates: number;
  deadLettered: number;
  /** Types the registry does not know: skipped, the partition moves on. */
  ignored: number;
  batches: number;
}

/**
 * One consumer group over every topic, a batch at a time. Kafka's committed offsets only save
 * work on a restart: what counts is the offset stored with the rows (BatchProjector), and every
 * assigned partition resumes from it (StoredPositions). As the services' inbox consumers do: an
 * outage is retried in place, never dead-lettered; a type the registry does not know is skipped
 * and counted; a newer version of a known type holds its partition (HeldPartition, logged by
 * event id) until the service is upgraded.
 */
export class ProjectionConsumer {
  private readonly member: KafkaMember;
  private readonly positions: StoredPositions;
  readonly counters: ProjectionCounters = { applied: 0, skipped: 0, duplicates: 0, deadLettered: 0, ignored: 0, batches: 0 };
  private readonly holds = new Map<string, HeldPartition>();

  constructor(
    kafka: Kafka,
    private readonly publisher: EventPublisher,
    private readonly projector: BatchProjector,
    private readonly options: ProjectionConsumerOptions,
  ) {
    this.positions = new StoredPositions((topics) => projector.storedOffsets(topics), options.logger, options.group);
    this.member = new KafkaMember(kafka, {
      group: options.group,
      topics: options.topics,
      logger: options.logger,
      name: 'projection consumer',
      sessionTimeoutMs: options.sessionTimeoutMs,
      // Partitions are independent transactions; one dossier's rows are locked across them.
      partitionsConsumedConcurrently: options.concurrency ?? 4,
      maxBytesPerPartition: PROJECTION_FETCH_BYTES_PER_PARTITION,
      eachBatch: (payload, consumer) => this.processBatch(payload, consumer),
      onJoin: (consumer, assignment) => this.positions.assigned(consumer, assignment),
    });
  }

  held(): HeldPartition[] {
    return [...this.holds.values()];
  }

  get ready(): boolean {
    return this.member.ready;
  }

  /** Since when it has not been running, while it is not (epoch ms). */
  get awaySince(): number | undefined {
    return this.member.awaySince;
  }

  start(): Promise<void> {
    return this.member.start();
  }

  startInBackground(): void {
    this.member.startInBackground();
  }

  stop(): Promise<void> {
    this.positions.cancel();
    return this.member.stop();
  }

  private async processBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload, consumer: Consumer): Promise<void> {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    // Nothing is applied before the assigned partitions stand where the database says; a batch
    // fetched from elsewhere is stale by then.
    const stillOurs = () => isRunning() && !isStale();
    if (!(await this.positions.settled(heartbeat, stillOurs)) || !stillOurs()) return;
    const decode = this.options.decode ?? ((value: Buffer) => integrationEvents.decode(value));
    const reads = batch.messages.map((message) => ({ message, read: readableHere(readMessage(message, decode, undefined)) }));
    // A newer version of a type the read models use: nothing at or after it may be applied, or
    // skipped, before this service knows it (the rows would be wrong for ever).
    const holdAt = reads.findIndex((r) => r.read.kind === 'unknown-version');
    const usable = holdAt === -1 ? reads : reads.slice(0, holdAt);
    if (usable.length > 0) {
      const byOffset = new Map(batch.messages.map((message) => [message.offset, message]));
      const deadLetter = async (offset: string, error: unknown) =>
        this.options.sendDeadLetters === false ? undefined : sendToDeadLetter(this.publisher, this.options.group, { topic: batch.topic, partition: batch.partition, message: byOffset.get(offset) as KafkaMessage, error, attempts: 0 });
      const turn = new PartitionTurn(heartbeat, stillOurs, { firstMs: 200, atMostMs: 10_000 }, this.options.logger, this.options.group);
      let outcome: BatchOutcome | undefined;
      // The database or the broker away: retried in place for as long as it takes, never dead-lettered.
      const owned = await turn.whileTransient(async () => {
        outcome = await this.projector.apply(batch.topic, batch.partition, usable.map(({ message, read }) => toBatchMessage(message, read)), deadLetter);
      });
      if (!owned || !outcome) return;
      this.count(outcome);
      const { through } = outcome;
      if (through !== undefined) {
        resolveOffset(through);
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(through) + 1n).toString() }]);
      }
      // A rebuild's bound stopped the batch: the position stays at the bound (never past what the
      // rebuilt tables hold, so no seek back is needed), and the partition looks again shortly.
      if (through !== usable[usable.length - 1].message.offset) {
        this.pauseAwhile(consumer, batch.topic, batch.partition, AT_BOUND_RECHECK_MS);
        await heartbeat();
        return;
      }
    }
    if (holdAt === -1) this.holds.delete(`${batch.topic}|${batch.partition}`);
    else this.hold(consumer, batch.topic, batch.partition, reads[holdAt].message, reads[holdAt].read);
    await heartbeat();
  }

  /** Pauses the partition before the unknown version and looks again after a capped backoff; the offset stays before it. */
  private hold(consumer: Consumer, topic: string, partition: number, message: KafkaMessage, read: Read): void {
    if (read.kind !== 'unknown-version') return;
    const key = `${topic}|${partition}`;
    const { id: eventId, type, schemaversion: version } = read.envelope;
    const previous = this.holds.get(key);
    const held: HeldPartition = previous?.eventId === eventId ? { ...previous, attempts: previous.attempts + 1 } : { topic, partition, offset: message.offset, eventId, type, version, since: new Date().toISOString(), attempts: 1 };
    this.holds.set(key, held);
    this.options.logger.warn({ group: this.options.group, topic, partition, offset: message.offset, eventId, type, version, attempts: held.attempts }, 'partition waits at an event this service cannot read yet (a newer version of its type, or a holiday table it lacks); upgrade the service');
    const { firstMs, atMostMs } = this.options.holdBackoffMs ?? { firstMs: 1_000, atMostMs: 60_000 };
    this.pauseAwhile(consumer, topic, partition, Math.min(atMostMs, firstMs * 2 ** Math.min(held.attempts - 1, 20)));
  }

  /** Fetches nothing of the partition for `ms`; its position stays where the batch resolved it. */
  private pauseAwhile(consumer: Consumer, topic: string, partition: number, ms: number): void {
    consumer.pause([{ topic, partitions: [partition] }]);
    const timer = setTimeout(() => {
      if (this.member.consumer === consumer) consumer.resume([{ topic, partitions: [partition] }]);
    }, ms);
    timer.unref();
  }

  private count(outcome: BatchOutcome): void {
    this.counters.batches += 1;
    this.counters.applied += outcome.applied;
    this.counters.skipped += outcome.skipped;
    this.counters.duplicates += outcome.duplicates;
    this.counters.deadLettered += outcome.deadLettered;
    this.counters.ignored += outcome.ignored;
  }
}

/**
 * A reception whose due date was counted by a holiday table this build does not have comes from a
 * newer producer too: its working time cannot be counted here, so it waits for the upgrade like a
 * version this service does not know (dead-lettering it would lose the dossier's reception).
 */
function readableHere(read: Read): Read {
  if (read.kind !== 'envelope' || read.envelope.type !== 'DossierReceived') return read;
  const table = (read.envelope.data as { calendar?: { holidayTable?: unknown } }).calendar?.holidayTable;
  return typeof table === 'string' && !isKnownHolidayTable(table) ? { kind: 'unknown-version', envelope: read.envelope } : read;
}

function toBatchMessage(message: KafkaMessage, read: Read): BatchMessage {
  if (read.kind === 'ignored') return { offset: message.offset, ignored: true };
  if (read.kind !== 'envelope') return { offset: message.offset, invalid: read.kind === 'malformed' ? read.error : new Error('unknown version') };
  try {
    return { offset: message.offset, event: asIntegrationEvent(read.envelope) };
  } catch (invalid) {
    return { offset: message.offset, invalid };
  }
}
