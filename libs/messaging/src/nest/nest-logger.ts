import { Logger as NestLogger } from '@nestjs/common';
import { Logger } from '../logger';

/** The lib's Logger over a Nest logger, so messaging's lines go where the service's logs go. */
export function fromNestLogger(nest: NestLogger): Logger {
  return {
    debug: (object, message) => nest.debug(object, message),
    info: (object, message) => nest.log(object, message),
    warn: (object, message) => nest.warn(object, message),
    error: (object, message) => nest.error(object, message),
  };
}
