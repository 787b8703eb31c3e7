import { Envelope, UnknownEventError } from '@motcua/contracts';
import { KafkaMessage } from 'kafkajs';
import { MessageDecoder } from './message-handler';

export type Read =
  | { kind: 'envelope'; envelope: Envelope }
  | { kind: 'ignored' }
  | { kind: 'unknown-version'; envelope: Envelope }
  | { kind: 'malformed'; error: unknown };

/**
 * What a consumer makes of a raw message. A type it does not handle is ignored; a newer
 * producer's version of a type it handles is kept for after an upgrade; only a message no reader
 * could ever apply is malformed. `handled` absent: every type the decoder knows.
 */
export function readMessage(message: KafkaMessage, decode: MessageDecoder, handled: ReadonlySet<string> | undefined): Read {
  try {
    const envelope = decode(message.value ?? Buffer.alloc(0));
    return !handled || handled.has(envelope.type) ? { kind: 'envelope', envelope } : { kind: 'ignored' };
  } catch (error) {
    if (!(error instanceof UnknownEventError)) return { kind: 'malformed', error };
    // A type the registry does not know counts as handled only when the handler names it.
    const handles = handled ? handled.has(error.envelope.type) : error.unknown === 'VERSION';
    return handles ? { kind: 'unknown-version', envelope: error.envelope } : { kind: 'ignored' };
  }
}

export function stringHeaders(message: KafkaMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = String(Array.isArray(value) ? value[0] : value);
  }
  return headers;
}
