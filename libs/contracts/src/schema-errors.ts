import { ErrorObject } from 'ajv';

/** Property names we are willing to repeat: identifier-like, so not a citizen id used as a key. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The first schema violation as `<prefix>.<path>: <rule>`, e.g. `data.dueAt: must match format
 * "date-time"`. It names the path and the rule and never the offending value, because messages
 * (and the logs and dead-letter topics that quote these reasons) must not carry personal data.
 */
export function explainSchemaErrors(prefix: string, errors: ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (!first) return `${prefix}: is invalid`;
  const path = first.instancePath.split('/').join('.');
  return `${prefix}${path}: ${first.message ?? first.keyword}${detail(first)}`;
}

function detail(error: ErrorObject): string {
  if (error.keyword !== 'additionalProperties') return '';
  const name = String((error.params as { additionalProperty?: unknown }).additionalProperty);
  return IDENTIFIER.test(name) ? ` '${name}'` : '';
}
