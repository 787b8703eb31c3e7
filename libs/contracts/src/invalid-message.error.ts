/**
 * A message that cannot be applied as it is: not JSON, not an envelope, an unknown type or
 * version, or data that breaks its schema. Consumers dead-letter it without retrying. The reason
 * names the failing path and rule, never the offending value (it may be personal data).
 */
export class InvalidMessageError extends Error {
  readonly code = 'CONTRACTS.INVALID_MESSAGE';

  constructor(readonly reason: string) {
    super(`invalid message: ${reason}`);
    this.name = 'InvalidMessageError';
  }
}
