import { getMetadataStorage, IS_OPTIONAL } from 'class-validator';

/**
 * class-validator's @IsOptional() lets a property through when it is null as well as when it is
 * missing, while the DTO types it `field?: T`: a handler then reads null as a value (as in
 * `Buffer.from(null)`). No field of ours gives null a meaning of its own, so an optional property
 * sent as null is taken as not sent. Only DTO classes are walked: a free-form object (a signed
 * manifest) keeps its nulls, which are part of what was signed.
 */
export function dropNullOptionals(value: unknown): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...(node as unknown[]));
    if (!node || typeof node !== 'object' || Array.isArray(node) || node.constructor === Object) continue;
    const optional = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(node.constructor, '', true, false)
        .filter((metadata) => metadata.name === IS_OPTIONAL)
        .map((metadata) => metadata.propertyName),
    );
    const record = node as Record<string, unknown>;
    for (const [key, item] of Object.entries(record)) {
      if (item === null && optional.has(key)) delete record[key];
      else if (item && typeof item === 'object') pending.push(item);
    }
  }
}
