import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { Envelope, integrationEvents } from '@motcua/contracts';
import { OpsError } from './connections';

export interface TopicRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  /** The decoded envelope, or why the value could not be read (a poison message). */
  envelope?: Envelope;
  unreadable?: string;
  headers: Record<string, string>;
}

export interface ReadOptions {
  /** Start at the first message at or after this instant (broker time); else at the beginning. */
  from?: Date;
  /** Keep reading new messages until stopped; else stop at the end each partition had at the start. */
  follow?: boolean;
  /** Resolves when a follow is to stop (Ctrl-C). */
  until?: Promise<void>;
}

/**
 * Reads topics as a throwaway consumer group (deleted afterwards, so `lag` never lists it): from
 * the beginning or an instant, each partition in offset order, to the end it had when the read
 * began, or on and on with `follow`. Records of one partition come in order; partitions interleave.
 */
export async function readTopics(kafka: Kafka, topics: string[], onRecord: (record: TopicRecord) => void, options: ReadOptions = {}): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `motcua-ops-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
  try {
    const existing = new Set(await admin.listTopics());
    const absent = topics.filter((topic) => !existing.has(topic));
    if (absent.length > 0) throw new OpsError(`no topic ${absent.join(', ')} on this broker (is KAFKA_TOPIC_NAMESPACE the services' own?)`);
    const starts = new Map<string, string>();
    const remaining = new Map<string, bigint>();
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const firsts = options.from ? await admin.fetchTopicOffsetsByTimestamp(topic, options.from.getTime()) : ends.map((p) => ({ partition: p.partition, offset: p.low }));
      for (const end of ends) {
        const start = firsts.find((f) => f.partition === end.partition)?.offset ?? end.low;
        const begin = BigInt(start) < 0n ? BigInt(end.high) : BigInt(start);
        starts.set(`${topic}|${end.partition}`, begin.toString());
        if (!options.follow && BigInt(end.high) > begin) remaining.set(`${topic}|${end.partition}`, BigInt(end.high));
      }
    }
    if (!options.follow && remaining.size === 0) return;

    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const key = `${topic}|${partition}`;
        const end = remaining.get(key);
        if (!options.follow && (end === undefined || BigInt(message.offset) >= end)) return;
        onRecord(toRecord(topic, partition, message));
        if (!options.follow && BigInt(message.offset) + 1n >= (end as bigint)) {
          remaining.delete(key);
          if (remaining.size === 0) done();
        }
      },
    });
    for (const [key, offset] of starts) {
      const [topic, partition] = key.split('|');
      consumer.seek({ topic, partition: Number(partition), offset });
    }
    await (options.follow ? (options.until ?? new Promise<void>(() => undefined)) : finished);
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

function toRecord(topic: string, partition: number, message: { offset: string; key: Buffer | null; value: Buffer | null; headers?: Record<string, unknown> }): TopicRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = String(Array.isArray(value) ? value[0] : value);
  }
  const base = { topic, partition, offset: message.offset, key: message.key?.toString() ?? '', headers };
  try {
    return { ...base, envelope: integrationEvents.decode(message.value ?? '') };
  } catch (error) {
    return { ...base, unreadable: (error as Error).message };
  }
}
