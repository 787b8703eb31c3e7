import { DomainError } from '@motcua/platform/errors';

/** Mapped to 409 by kind, but with a code that tells the portal to try again later. */
export class PlatformUnavailableError extends DomainError {
  constructor(detail: string) {
    super('PAYMENT.PLATFORM_UNAVAILABLE', 'CONFLICT', `The payment platform did not answer as expected (${detail}); try again later`);
  }
}
