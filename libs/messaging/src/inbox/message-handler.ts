import type { Envelope } from '@motcua/contracts';

export interface MessageContext {
  topic: string;
  partition: number;
  offset: string;
  headers: Record<string, string>;
}

/**
 * Applies one integration event. It runs inside the consumer's transaction: whatever it writes
 * through the service's PgDatabase (events appended, rows updated) commits with the inbox record.
 * Throw NotYetKnownError to park the message until its subject is known.
 */
export type MessageHandler = (envelope: Envelope, context: MessageContext) => Promise<void>;

/** Turns a raw Kafka value into a validated, upcast envelope; throws on a malformed message. */
export type MessageDecoder = (value: Buffer) => Envelope;
