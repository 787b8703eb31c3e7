/**
 * Thrown by a handler when the message is about an aggregate this service has not seen yet
 * (topics are not ordered against each other). The consumer parks the message durably and
 * applies it once a message for the same subject has been applied.
 */
export class NotYetKnownError extends Error {
  readonly code = 'MESSAGING.NOT_YET_KNOWN';

  constructor(readonly subject: string) {
    super(`subject ${subject} is not known yet; the message is parked`);
    this.name = 'NotYetKnownError';
  }
}
