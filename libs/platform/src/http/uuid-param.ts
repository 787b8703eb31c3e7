import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-error';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter, as a body field would be. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new ValidationFailedError([{ field: name, message: `${name} must be a UUID` }]) });
