import { randomUUID } from 'node:crypto';
import { Envelope, integrationEvents } from '@motcua/contracts';
import { Kafka } from 'kafkajs';

/**
 * Every message a topic holds now, read from the beginning up to each partition's high-water
 * mark by a consumer group of its own: what a new consumer would see, duplicates included.
 */
export async function topicContents(kafka: Kafka, topic: string): Promise<Envelope[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<number, bigint>();
  try {
    for (const { partition, high } of await admin.fetchTopicOffsets(topic)) if (BigInt(high) > 0n) ends.set(partition, BigInt(high));
  } finally {
    await admin.disconnect();
  }
  if (ends.size === 0) return [];

  const consumer = kafka.consumer({ groupId: `contents-${randomUUID()}` });
  const seen: Envelope[] = [];
  const remaining = new Set(ends.keys());
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            seen.push(integrationEvents.decode(message.value ?? ''));
            if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n)) remaining.delete(partition);
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return seen;
}
