import { topicOwner } from '@motcua/contracts';
import type { TopicRecord } from './topic-reader';

/** The dossier code an event names, when it names one. */
export function codeOf(record: TopicRecord): string | undefined {
  const code = (record.envelope?.data as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * One line per event: time, publishing service, type and version, subject, code, position.
 * Only ids, codes and types: an event's data is printed by `--json` alone, and holds no personal
 * data (applicants are references, DESIGN.md).
 */
export function formatRecord(record: TopicRecord): string {
  const where = `${record.topic}[${record.partition}]@${record.offset}`;
  if (!record.envelope) return `${'-'.padEnd(24)} ${(topicOwner(record.topic) ?? '?').padEnd(12)} UNREADABLE ${record.key} ${where} ${record.unreadable ?? ''}`;
  const { time, type, schemaversion, subject } = record.envelope;
  return [time.padEnd(24), (topicOwner(record.topic) ?? '?').padEnd(12), `${type} v${schemaversion}`.padEnd(30), subject, codeOf(record) ?? '-', where].join(' ');
}

export function jsonRecord(record: TopicRecord): string {
  return JSON.stringify({ topic: record.topic, partition: record.partition, offset: record.offset, key: record.key, headers: record.headers, ...(record.envelope ? { envelope: record.envelope } : { unreadable: record.unreadable }) });
}
