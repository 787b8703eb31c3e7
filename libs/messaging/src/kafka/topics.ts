import { Kafka } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor?: number;
  /** Kafka topic configs, e.g. retention.ms = -1 for the event topics (they are the shared history). */
  config?: Record<string, string>;
}

/**
 * Creates missing topics with their settings; leaves existing ones alone (partitions only grow by
 * hand). Services starting together may create the same topic at once, and a new topic's leader
 * takes a moment: both are retried, not fatal.
 */
export async function ensureTopics(kafka: Kafka, specs: TopicSpec[], attempts = 8): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createMissing(kafka, specs);
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}

async function createMissing(kafka: Kafka, specs: TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    // A service may consume its own topic: each topic is created once, with its first spec.
    const byTopic = new Map<string, TopicSpec>();
    for (const spec of specs) if (!byTopic.has(spec.topic)) byTopic.set(spec.topic, spec);
    const missing = [...byTopic.values()].filter((spec) => !existing.has(spec.topic));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({
        topic: spec.topic,
        numPartitions: spec.numPartitions,
        replicationFactor: spec.replicationFactor ?? -1,
        configEntries: Object.entries(spec.config ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
    return missing.map((spec) => spec.topic);
  } finally {
    await admin.disconnect();
  }
}

/**
 * ensureTopics for as long as Kafka is away (capped backoff), until `signal` aborts: a service
 * that starts during an outage serves meanwhile and creates its topics when the broker returns.
 * Resolves true once they exist, false if stopped first.
 */
export async function ensureTopicsPatiently(kafka: Kafka, specs: TopicSpec[], signal: AbortSignal, onRetry: (error: unknown, attempt: number) => void): Promise<boolean> {
  for (let attempt = 1; !signal.aborted; attempt++) {
    try {
      await createMissing(kafka, specs);
      return true;
    } catch (error) {
      onRetry(error, attempt);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)));
        signal.addEventListener('abort', done, { once: true });
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
      });
    }
  }
  return false;
}
