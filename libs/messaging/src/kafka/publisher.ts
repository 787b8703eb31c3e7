import { CompressionTypes, Kafka, Producer, TopicMessages } from 'kafkajs';

export interface OutgoingMessage {
  key: string;
  value: string | Buffer;
  headers: Record<string, string>;
  /** Where the message goes when not to the topic `publish` is given (e.g. intake's catalogue topic). */
  topic?: string;
}

/** Publishes batches; resolves only once every broker in the ISR has acknowledged. */
export interface EventPublisher {
  /** `topic` is the default for messages that do not name their own. */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Groups messages by destination, keeping their relative order within each topic (so the order
 * of each key holds: a key always goes to the same topic), in order of first appearance.
 */
export function topicBatches(defaultTopic: string, messages: OutgoingMessage[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages['messages']>();
  for (const { topic = defaultTopic, key, value, headers } of messages) {
    const batch = byTopic.get(topic) ?? [];
    batch.push({ key, value, headers });
    byTopic.set(topic, batch);
  }
  return [...byTopic].map(([topic, batch]) => ({ topic, messages: batch }));
}

export class KafkaPublisher implements EventPublisher {
  private producer: Producer;
  private connected: Promise<void> | undefined;

  constructor(private readonly kafka: Kafka) {
    this.producer = this.newProducer();
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // Compressed: a relay batch of JSON envelopes shrinks several-fold, and the broker's size
    // limit applies to each partition's batch as sent, so more of a batch fits in one request.
    const send = async () => {
      await this.connect();
      await this.producer.sendBatch({ acks: -1, compression: CompressionTypes.GZIP, topicMessages: topicBatches(topic, messages) });
    };
    try {
      await send();
    } catch (error) {
      // A send that failed (the broker away, a leader moving) can leave the idempotent producer's
      // sequence numbers ahead of what the broker holds; it would then refuse every later batch as
      // out of order. A fresh producer (a new producer id) starts its sequences afresh; the batch
      // goes again once (or, on another failure, when the relay retries it: consumers deduplicate).
      await this.reset();
      if (!isOutOfOrderSequence(error)) throw error;
      await send();
    }
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }

  private newProducer(): Producer {
    // Idempotent with one request in flight: broker-side dedup of retries, per-partition order kept.
    return this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  private connect(): Promise<void> {
    // A connection that failed (Kafka away) is tried again on the next publish, not kept failed.
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    return this.connected;
  }

  private async reset(): Promise<void> {
    const old = this.producer;
    this.producer = this.newProducer();
    this.connected = undefined;
    await old.disconnect().catch(() => undefined);
  }
}

function isOutOfOrderSequence(error: unknown): boolean {
  for (let e = error as { type?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.type === 'OUT_OF_ORDER_SEQUENCE_NUMBER') return true;
  }
  return false;
}
