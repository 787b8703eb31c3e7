import { Kafka } from 'kafkajs';
import { Topics } from '@motcua/contracts';
import { OpsError } from '../connections';
import { codeOf, formatRecord, jsonRecord } from '../format';
import { readTopics, TopicRecord } from '../topic-reader';

export interface TailOptions {
  code?: string;
  dossier?: string;
  type?: string[];
  from?: Date;
  follow?: boolean;
  json?: boolean;
  until?: Promise<void>;
}

/** `all`, a topic's short name (`intake`, `catalogue`, …) or its full name, as this deployment names it. */
export function topicsNamed(name: string): string[] {
  if (name === 'all') return Object.values(Topics);
  const short = (Topics as Record<string, string>)[name];
  if (short) return [short];
  if (Object.values(Topics).includes(name) || name.includes('.dlq.')) return [name];
  throw new OpsError(`unknown topic '${name}': one of all, ${Object.keys(Topics).join(', ')}, or a full topic name`, 2);
}

export function matches(record: TopicRecord, options: Pick<TailOptions, 'code' | 'dossier' | 'type'>): boolean {
  if (options.dossier && record.envelope?.subject !== options.dossier && record.key !== options.dossier) return false;
  if (options.code && codeOf(record) !== options.code) return false;
  if (options.type?.length && !options.type.includes(record.envelope?.type ?? 'UNREADABLE')) return false;
  return true;
}

/** Prints the events of one topic or all, filtered, from the beginning or an instant, following if asked. */
export async function tail(kafka: Kafka, topic: string, options: TailOptions, write: (line: string) => void): Promise<number> {
  let printed = 0;
  await readTopics(
    kafka,
    topicsNamed(topic),
    (record) => {
      if (!matches(record, options)) return;
      printed += 1;
      write(options.json ? jsonRecord(record) : formatRecord(record));
    },
    { ...(options.from ? { from: options.from } : {}), follow: options.follow ?? false, ...(options.until ? { until: options.until } : {}) },
  );
  return printed;
}
