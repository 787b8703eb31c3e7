import { randomUUID } from 'node:crypto';
import { Envelope, integrationEvents } from '@motcua/contracts';
import { Consumer, Kafka } from 'kafkajs';

/**
 * A topic read from its beginning by a consumer group of its own, as another service would read
 * it, keeping the envelopes in the order read. It starts at the first question and runs until closed.
 */
export class TopicReader {
  private consumer: Consumer | undefined;
  private starting: Promise<void> | undefined;
  private readonly seen: { key: string; envelope: Envelope }[] = [];

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {}

  async byKeys(keys: string[]): Promise<Envelope[]> {
    this.starting ??= this.start();
    await this.starting;
    return this.seen.filter((m) => keys.includes(m.key)).map((m) => m.envelope);
  }

  async close(): Promise<void> {
    await this.starting?.catch(() => undefined);
    await this.consumer?.disconnect();
  }

  private async start(): Promise<void> {
    this.consumer = this.kafka.consumer({ groupId: `reader-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        // The shared topics hold other specs' poison messages: a value that throws here would be
        // redelivered for ever and stall the partition, hiding every event behind it.
        let envelope;
        try {
          envelope = integrationEvents.decode(message.value ?? '');
        } catch {
          return;
        }
        this.seen.push({ key: String(message.key), envelope });
      },
    });
  }
}
