import { EntityManager } from 'typeorm';

/**
 * The consumed offsets live beside the read models. Locking a partition's row first makes a
 * consumer that lost the partition in a rebalance, but is still finishing a batch, wait for the
 * new owner (or the other way round), then see what it committed and skip those messages.
 */
export async function lockPartition(manager: EntityManager, schema: string, topic: string, partition: number): Promise<bigint> {
  await manager.query(`insert into ${schema}.consumed_offsets (topic, partition, "offset") values ($1, $2, -1) on conflict do nothing`, [topic, partition]);
  const [row] = await manager.query(`select "offset" from ${schema}.consumed_offsets where topic = $1 and partition = $2 for update`, [topic, partition]);
  return BigInt(row.offset);
}

export async function advancePartition(manager: EntityManager, schema: string, topic: string, partition: number, offset: string): Promise<void> {
  await manager.query(`update ${schema}.consumed_offsets set "offset" = $3 where topic = $1 and partition = $2`, [topic, partition, offset]);
}

/** The ids among these not projected before (an event published twice is applied at its first offset only). */
export async function claimEventIds(manager: EntityManager, schema: string, topic: string, partition: number, events: { id: string; offset: string }[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows: { event_id: string }[] = await manager.query(
    `insert into ${schema}.projected_events (event_id, topic, partition, "offset")
     select id, $2, $3, o from unnest($1::uuid[], $4::bigint[]) as e(id, o) on conflict do nothing returning event_id`,
    [events.map((e) => e.id), topic, partition, events.map((e) => e.offset)],
  );
  return new Set(rows.map((row) => row.event_id));
}

/** The stored offsets of these topics' partitions, keyed `topic|partition`; a partition never applied has none. */
export async function storedOffsets(source: Pick<EntityManager, 'query'>, schema: string, topics: string[]): Promise<Map<string, bigint>> {
  const rows: { topic: string; partition: number; offset: string }[] = await source.query(`select topic, partition, "offset" from ${schema}.consumed_offsets where topic = any($1::text[])`, [topics]);
  return new Map(rows.map((row) => [`${row.topic}|${row.partition}`, BigInt(row.offset)]));
}
