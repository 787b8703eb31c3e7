import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailedError } from './domain-error';
import { dropNullOptionals } from './null-optionals';
import { unreadableFields } from './unreadable-input';

/**
 * Refuses what class-validator cannot safely walk (deep nesting) or what no field accepts
 * (control characters) before it looks, in bodies, query strings and path parameters alike;
 * after it, an optional property sent as null is dropped (see dropNullOptionals).
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const unreadable = unreadableFields(value, metadata.data ?? '');
      if (unreadable.length > 0) throw new ValidationFailedError(unreadable);
    }
    const transformed: unknown = await super.transform(value, metadata);
    dropNullOptionals(transformed);
    return transformed;
  }
}

/** Whitelist, refuse unknown properties, transform; every failing field is named by its path. */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(validationFieldErrors(errors)),
  });
}

/** Field messages name the rule broken, never the value given (it may be personal data). */
export function validationFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: message.replace(error.property, field) }));
    return [...own, ...validationFieldErrors(error.children ?? [], field)];
  });
}
