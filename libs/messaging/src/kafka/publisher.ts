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
  private readonly producer: Producer;
  private connected: Promise<void> | undefined;

  constructor(kafka: Kafka) {
    // Idempotent with one request in flight: broker-side dedup of retries, per-partition order kept.
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // A connection that failed (Kafka away) is tried again on the next publish, not kept failed.
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
    // Compressed: a relay batch of JSON envelopes shrinks several-fold, and the broker's size
    // limit applies to each partition's batch as sent, so more of a batch fits in one request.
    await this.producer.sendBatch({ acks: -1, compression: CompressionTypes.GZIP, topicMessages: topicBatches(topic, messages) });
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}
