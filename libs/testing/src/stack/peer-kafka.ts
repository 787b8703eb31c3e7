import { Envelope, headersOf, integrationEvents, topicSettings } from '@motcua/contracts';
import { Kafka, logLevel, Producer } from 'kafkajs';

/*
 * Kafka as another service uses it, on kafkajs directly: libs/messaging's own specs use this kit,
 * so the kit cannot depend on libs/messaging.
 */

export const peerKafka = (clientId: string) =>
  new Kafka({ clientId, brokers: String(process.env['KAFKA_BROKERS']).split(','), logLevel: logLevel.NOTHING, retry: { initialRetryTime: 200, retries: 8 } });

/** Creates the topics that are missing, with the settings the services create them with. */
export async function ensurePeerTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t)).map((t) => topicSettings(t, 3));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((s) => ({ topic: s.topic, numPartitions: s.numPartitions, configEntries: Object.entries(s.config).map(([name, value]) => ({ name, value })) })),
    });
  } finally {
    await admin.disconnect();
  }
}

/** Publishes envelopes as their service's relay does: keyed by subject, with the envelope headers. */
export class PeerPublisher {
  private readonly producer: Producer;
  private connected: Promise<void> | undefined;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async send(topic: string, envelopes: Envelope[]): Promise<void> {
    this.connected ??= this.producer.connect();
    await this.connected;
    await this.producer.send({ topic, acks: -1, messages: envelopes.map((e) => ({ key: e.subject, value: integrationEvents.encode(e), headers: headersOf(e) })) });
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
  }
}
