import { FieldError } from './domain-error';

/**
 * How deep a request may nest. The deepest body any route takes (a procedure's fee with its
 * online rule) is five levels; every walk over a request after this check (class-transformer,
 * class-validator, canonical JSON for idempotency) recurses, and a few thousand levels overflow it.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * Control characters no text field means: NUL (PostgreSQL refuses it in text and jsonb), the other
 * C0 controls, DEL and the C1 controls. Tab, line feed and carriage return stay allowed: free text
 * (a reason, an address) may hold them, and a field that must be one line says so by its pattern.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Half of a UTF-16 pair without the other: not Unicode text, and stored as U+FFFD if let through. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const unsafeText = (text: string) => CONTROL.test(text) || LONE_SURROGATE.test(text);

const TEXT_MESSAGE = 'must not contain control characters (tab and line breaks excepted) or unpaired surrogates';

/**
 * Every field of a request that no later step can safely read: nested too deep, or text holding
 * a forbidden character. The walk keeps its own stack, so it cannot overflow on what it refuses;
 * messages name the field, never its value.
 */
export function unreadableFields(value: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; path: string[] }[] = [{ value, path: root ? [root] : [] }];
  const name = (path: string[]) => (path.length ? path.join('.') : 'body');
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (typeof node.value === 'string') {
      if (unsafeText(node.value)) errors.push({ field: name(node.path), message: `${name(node.path)} ${TEXT_MESSAGE}` });
      continue;
    }
    if (node.value === null || typeof node.value !== 'object') continue;
    if (node.path.length - (root ? 1 : 0) >= MAX_INPUT_DEPTH) {
      const top = name(node.path.slice(0, root ? 2 : 1));
      errors.push({ field: top, message: `${top} is nested more than ${MAX_INPUT_DEPTH} levels deep` });
      continue;
    }
    for (const [key, item] of Object.entries(node.value)) {
      if (unsafeText(key)) errors.push({ field: name(node.path), message: `${name(node.path)} has a property name that ${TEXT_MESSAGE}` });
      else pending.push({ value: item, path: [...node.path, key] });
    }
  }
  return dedupe(errors).reverse();
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.message) && seen.add(e.message));
}
