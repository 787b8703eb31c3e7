import { Kafka, Producer } from 'kafkajs';

export interface OutgoingMessage {
  key: string;
  value: string | Buffer;
  headers: Record<string, string>;
}

/** Publishes batches to a topic; resolves only once every broker in the ISR has acknowledged. */
export interface EventPublisher {
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
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
    this.connected ??= this.producer.connect();
    await this.connected;
    await this.producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}
