import { Kafka } from 'kafkajs';
import { Topics } from '@motcua/contracts';
import { OpsError } from '../connections';
import { codeOf, formatRecord, jsonRecord } from '../format';
import { readTopics, TopicRecord } from '../topic-reader';

/**
 * One dossier's events across every service, in the order they happened: the dossier is found by
 * its code (intake's events name it: its submission gives it), then every event whose subject is its id is shown, by
 * domain time, then by topic and offset for events of the same instant. Not every event names
 * the code (payment's do not): the id is what ties them.
 */
export async function follow(kafka: Kafka, code: string, options: { json?: boolean }, write: (line: string) => void): Promise<number> {
  // Two passes that keep only the dossier's own records: intake's topic (where the code is given)
  // for its id, then every topic for the events about that id. A province's topics never sit in memory.
  const ids = new Set<string>();
  await readTopics(kafka, [Topics.intake], (record) => {
    if (record.envelope && codeOf(record) === code) ids.add(record.envelope.subject);
  });
  if (ids.size === 0) throw new OpsError(`no event names the dossier code ${code}`);
  const seen: TopicRecord[] = [];
  await readTopics(kafka, Object.values(Topics), (record) => {
    if (record.envelope && ids.has(record.envelope.subject)) seen.push(record);
  });
  const order = Object.values(Topics);
  const events = seen
    .sort((a, b) => Date.parse(a.envelope?.time ?? '') - Date.parse(b.envelope?.time ?? '') || order.indexOf(a.topic) - order.indexOf(b.topic) || Number(BigInt(a.offset) - BigInt(b.offset)));
  for (const record of events) write(options.json ? jsonRecord(record) : formatRecord(record));
  return events.length;
}
