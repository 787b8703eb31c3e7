import { Kafka } from 'kafkajs';
import type { PgDatabase } from '@motcua/event-store';
import { relayDistances, serviceSchemas } from '../service-logs';

export interface GroupLag {
  group: string;
  topic: string;
  partition: number;
  committed: string;
  end: string;
  lag: number;
}

/**
 * Every consumer group's distance behind each partition it reads (end offset less committed
 * offset; a partition never committed counts from its first offset). The projections keep their
 * positions with their rows in PostgreSQL: their group's committed offsets may trail, and
 * `GET /v1/projections/lag` is their own measure.
 */
export async function consumerLag(kafka: Kafka): Promise<GroupLag[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const ends = new Map<string, Map<number, { low: string; high: string }>>();
    const endsOf = async (topic: string) => {
      if (!ends.has(topic)) ends.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, { low: p.low, high: p.high }])));
      return ends.get(topic) as Map<number, { low: string; high: string }>;
    };
    const rows: GroupLag[] = [];
    for (const { groupId } of groups.filter((g) => !g.groupId.startsWith('motcua-ops-')).sort((a, b) => a.groupId.localeCompare(b.groupId))) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        const topicEnds = await endsOf(topic).catch(() => undefined);
        if (!topicEnds) continue;
        for (const { partition, offset } of partitions.sort((a, b) => a.partition - b.partition)) {
          const end = topicEnds.get(partition);
          if (!end) continue;
          const from = BigInt(offset) < 0n ? BigInt(end.low) : BigInt(offset);
          rows.push({ group: groupId, topic, partition, committed: offset, end: end.high, lag: Number(BigInt(end.high) - from) });
        }
      }
    }
    return rows;
  } finally {
    await admin.disconnect();
  }
}

export async function lag(kafka: Kafka, db: PgDatabase | undefined, write: (line: string) => void): Promise<void> {
  const groups = await consumerLag(kafka);
  write('CONSUMER GROUP / TOPIC [PARTITION]'.padEnd(90) + 'COMMITTED'.padStart(12) + 'END'.padStart(12) + 'LAG'.padStart(10));
  for (const row of groups) write(`${row.group} / ${row.topic} [${row.partition}]`.padEnd(90) + row.committed.padStart(12) + row.end.padStart(12) + String(row.lag).padStart(10));
  if (groups.length === 0) write('(no consumer group has committed offsets)');
  if (!db) {
    write('relays: not shown (no --database / DATABASE_URL)');
    return;
  }
  write('');
  write('RELAY (SCHEMA / CHECKPOINT)'.padEnd(90) + 'BEHIND'.padStart(12) + '  LAST MOVED');
  for (const schema of await serviceSchemas(db)) {
    for (const relay of await relayDistances(db, schema)) {
      write(`${schema} / ${relay.subscription}`.padEnd(90) + String(relay.behind).padStart(12) + `  ${relay.updatedAt?.toISOString() ?? '-'}`);
    }
  }
}
