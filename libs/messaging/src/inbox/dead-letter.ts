import { dlqTopic } from '@motcua/contracts';
import { KafkaMessage } from 'kafkajs';
import { EventPublisher } from '../kafka/publisher';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  error: unknown;
  attempts: number;
}

/** Forwards the original bytes and headers, adding where it came from and why it failed. */
export async function sendToDeadLetter(publisher: EventPublisher, group: string, letter: DeadLetter): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(letter.message.headers ?? {})) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  const error = letter.error instanceof Error ? letter.error : new Error(String(letter.error));
  Object.assign(headers, {
    'x-dlq-error': truncate(`${error.name}: ${error.message}`, 2_000),
    'x-dlq-error-code': String((error as { code?: unknown }).code ?? 'UNEXPECTED'),
    'x-dlq-attempts': String(letter.attempts),
    'x-dlq-original-topic': letter.topic,
    'x-dlq-original-partition': String(letter.partition),
    'x-dlq-original-offset': letter.message.offset,
    'x-dlq-consumer-group': group,
  });
  await publisher.publish(dlqTopic(letter.topic, group), [
    { key: letter.message.key?.toString() ?? '', value: letter.message.value ?? Buffer.alloc(0), headers },
  ]);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
