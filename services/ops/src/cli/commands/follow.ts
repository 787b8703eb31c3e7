import { Kafka } from 'kafkajs';
import { Topics } from '@motcua/contracts';
import { OpsError } from '../connections';
import { codeOf, formatRecord, jsonRecord } from '../format';
import { readTopics, TopicRecord } from '../topic-reader';

/**
 * One dossier's events across every service, in the order they happened: the dossier is found by
 * its code (intake's events name it), then every event whose subject is its id is shown, by
 * domain time, then by topic and offset for events of the same instant. Not every event names
 * the code (payment's do not): the id is what ties them.
 */
export async function follow(kafka: Kafka, code: string, options: { json?: boolean }, write: (line: string) => void): Promise<number> {
  const seen: TopicRecord[] = [];
  await readTopics(kafka, Object.values(Topics), (record) => seen.push(record));
  const ids = new Set(seen.filter((r) => codeOf(r) === code).map((r) => r.envelope?.subject));
  if (ids.size === 0) throw new OpsError(`no event names the dossier code ${code}`);
  const order = Object.values(Topics);
  const events = seen
    .filter((r) => r.envelope && ids.has(r.envelope.subject))
    .sort((a, b) => Date.parse(a.envelope?.time ?? '') - Date.parse(b.envelope?.time ?? '') || order.indexOf(a.topic) - order.indexOf(b.topic) || Number(BigInt(a.offset) - BigInt(b.offset)));
  for (const record of events) write(options.json ? jsonRecord(record) : formatRecord(record));
  return events.length;
}
