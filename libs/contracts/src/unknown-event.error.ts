import type { Envelope } from './envelope';
import { InvalidMessageError } from './invalid-message.error';

/**
 * A well-formed envelope whose type, or version of its type, this registry does not know: sent by
 * a producer upgraded before this reader. Unlike a malformed message it may become readable after
 * an upgrade, so a consumer ignores or keeps it rather than dead-letters it.
 */
export class UnknownEventError extends InvalidMessageError {
  constructor(
    readonly unknown: 'TYPE' | 'VERSION',
    /** The envelope as received, checked against the envelope schema only. */
    readonly envelope: Envelope,
  ) {
    super(unknown === 'TYPE' ? `unknown event type '${envelope.type}'` : `unknown version ${envelope.schemaversion} of '${envelope.type}'`);
    this.name = 'UnknownEventError';
  }
}
