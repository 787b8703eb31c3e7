import { DomainError } from '@motcua/platform/errors';

/** 503: nothing was recorded, and the same request may succeed later. */
export class PlatformUnavailableError extends DomainError {
  constructor(detail: string) {
    super('PAYMENT.PLATFORM_UNAVAILABLE', 'UNAVAILABLE', `The payment platform did not answer as expected (${detail}); try again later`);
  }
}
