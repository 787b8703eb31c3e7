import { Kafka } from 'kafkajs';
import { currentIntegrationEvents, supersededIntegrationEvents, TopicConfigs, Topics } from '@motcua/contracts';
import type { PgDatabase } from '@motcua/event-store';
import { serviceSchemas, StoredEvent, storedEvents } from '../service-logs';
import { readTopics, TopicRecord } from '../topic-reader';

export interface Verification {
  schemas: string[];
  stored: number;
  onTopics: number;
  /** Stored after the relay's checkpoint: not expected on a topic yet. */
  pending: number;
  missing: { schema: string; eventId: string; type: string; topic: string }[];
  duplicated: { eventId: string; topic: string; copies: number }[];
  misplaced: { eventId: string; type: string; topic: string; expected: string }[];
  outOfOrder: { schema: string; streamId: string; topic: string }[];
  unknown: { eventId: string; topic: string; partition: number; offset: string }[];
  unreadable: { topic: string; partition: number; offset: string; reason: string }[];
}

type Position = Pick<TopicRecord, 'topic' | 'partition' | 'offset'>;

const TOPIC_OF = new Map<string, string>([...currentIntegrationEvents, ...supersededIntegrationEvents].map((d) => [d.type, d.topic]));
const compacted = (topic: string) => TopicConfigs[topic]?.['cleanup.policy'] === 'compact';

/**
 * Every integration event in each service's store (the schemas of this database holding an event
 * log) is on its topic exactly once and in its stream's order; nothing is on a topic that no store
 * holds. A compacted topic (the catalogue) keeps only each key's latest record, so of its streams
 * only the last event must be there, and their order is not checked.
 */
export async function verifyTopics(kafka: Kafka, db: PgDatabase): Promise<Verification> {
  const schemas = await serviceSchemas(db);
  const stored: StoredEvent[] = [];
  for (const schema of schemas) stored.push(...(await storedEvents(db, schema, [...TOPIC_OF.keys()])));

  const result: Verification = { schemas, stored: stored.length, onTopics: 0, pending: 0, missing: [], duplicated: [], misplaced: [], outOfOrder: [], unknown: [], unreadable: [] };
  // Only where each event id sits is kept, never the envelopes: a province's topics hold millions.
  const copies = new Map<string, Position[]>();
  await readTopics(kafka, Object.values(Topics), (record: TopicRecord) => {
    result.onTopics += 1;
    const { topic, partition, offset } = record;
    if (!record.envelope) {
      result.unreadable.push({ topic, partition, offset, reason: record.unreadable ?? '' });
      return;
    }
    const found = copies.get(record.envelope.id);
    if (found) found.push({ topic, partition, offset });
    else copies.set(record.envelope.id, [{ topic, partition, offset }]);
  });

  const lastOfStream = new Map<string, StoredEvent>();
  for (const event of stored) lastOfStream.set(`${event.schema}|${event.streamId}`, event);
  const known = new Set(stored.map((e) => e.eventId));
  for (const event of stored) {
    const topic = TOPIC_OF.get(event.type) as string;
    const found = copies.get(event.eventId) ?? [];
    if (!event.published) {
      result.pending += 1;
      continue;
    }
    if (found.length === 0) {
      if (!compacted(topic) || lastOfStream.get(`${event.schema}|${event.streamId}`) === event) result.missing.push({ schema: event.schema, eventId: event.eventId, type: event.type, topic });
      continue;
    }
    for (const copy of found.filter((c) => c.topic !== topic)) result.misplaced.push({ eventId: event.eventId, type: event.type, topic: copy.topic, expected: topic });
    if (found.length > 1) result.duplicated.push({ eventId: event.eventId, topic, copies: found.length });
  }
  for (const [id, found] of copies) if (!known.has(id)) result.unknown.push(...found.map((r) => ({ eventId: id, topic: r.topic, partition: r.partition, offset: r.offset })));

  // In order: a stream's events, by version, at rising offsets of one partition of their topic.
  const streams = new Map<string, StoredEvent[]>();
  for (const event of stored) if (event.published && !compacted(TOPIC_OF.get(event.type) as string)) streams.set(`${event.schema}|${event.streamId}|${TOPIC_OF.get(event.type)}`, [...(streams.get(`${event.schema}|${event.streamId}|${TOPIC_OF.get(event.type)}`) ?? []), event]);
  for (const [key, events] of streams) {
    const firsts = events.map((e) => copies.get(e.eventId)?.[0]).filter((r): r is Position => r !== undefined);
    const ordered = firsts.every((r, i) => i === 0 || (r.partition === firsts[i - 1].partition && BigInt(r.offset) > BigInt(firsts[i - 1].offset)));
    if (!ordered) {
      const [schema, streamId, topic] = key.split('|');
      result.outOfOrder.push({ schema, streamId, topic });
    }
  }
  return result;
}

export function violations(v: Verification): number {
  return v.missing.length + v.duplicated.length + v.misplaced.length + v.outOfOrder.length + v.unknown.length;
}

export async function verify(kafka: Kafka, db: PgDatabase, write: (line: string) => void): Promise<boolean> {
  const v = await verifyTopics(kafka, db);
  write(`checked ${v.stored} stored integration events in ${v.schemas.join(', ') || 'no schema'} against ${v.onTopics} messages on ${Object.values(Topics).length} topics`);
  write(`pending (stored after the relay's checkpoint): ${v.pending}`);
  const list = <T>(title: string, items: T[], line: (item: T) => string) => {
    write(`${title}: ${items.length}`);
    for (const item of items.slice(0, 20)) write(`  ${line(item)}`);
    if (items.length > 20) write(`  … and ${items.length - 20} more`);
  };
  list('missing from their topic', v.missing, (m) => `${m.schema} ${m.type} ${m.eventId} (expected on ${m.topic})`);
  list('published more than once', v.duplicated, (d) => `${d.eventId} on ${d.topic}: ${d.copies} copies (consumers skip the repeats by id)`);
  list('on the wrong topic', v.misplaced, (m) => `${m.type} ${m.eventId} on ${m.topic}, belongs on ${m.expected}`);
  list('streams out of order on their topic', v.outOfOrder, (o) => `${o.schema} stream ${o.streamId} on ${o.topic}`);
  list('on a topic but in no store', v.unknown, (u) => `${u.eventId} at ${u.topic}[${u.partition}]@${u.offset}`);
  write(`unreadable messages (dead-lettered by their consumers): ${v.unreadable.length}`);
  const ok = violations(v) === 0;
  write(ok ? 'verify: OK' : `verify: ${violations(v)} problem(s)`);
  return ok;
}
