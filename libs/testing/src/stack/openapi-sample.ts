import { randomUUID } from 'node:crypto';

/** The part of an OpenAPI 3 schema object the sampler reads. */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  allOf?: SchemaObject[];
  nullable?: boolean;
}

export type Components = Record<string, SchemaObject>;

/** Strings tried against a pattern the document states, so a sample gets past the fields it can. */
const CANDIDATES = ['H56.10', 'SAMPLE.LLTP.01', '038090001234', '0912345678', 'abc', 'ABC', 'a', '1', 'x-1'];

/**
 * A plausible value for a schema: its example, default or first enum value where it gives one,
 * every property (optional ones too, so each text field is exercised), one item per array.
 * A schema that refers back to itself is cut off past a few levels.
 */
export function sampleOf(schema: SchemaObject | undefined, components: Components, depth = 0): unknown {
  if (!schema || depth > 8) return undefined;
  if (schema.$ref) return sampleOf(components[schema.$ref.split('/').pop() ?? ''], components, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (alternative) return sampleOf(alternative, components, depth + 1);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => sampleOf(part, components, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type ?? (schema.properties ? 'object' : undefined)) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, sampleOf(property, components, depth + 1)]));
    case 'array':
      return [sampleOf(schema.items, components, depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema);
    default:
      return 'x';
  }
}

function sampleString(schema: SchemaObject): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'date-time':
      return '2026-01-05T02:00:00.000Z';
    case 'date':
      return '2026-01-05';
    case 'email':
      return 'someone@example.org';
    case 'binary':
      return '%PDF-1.4 sample';
  }
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  const fitting = CANDIDATES.find((candidate) => !pattern || pattern.test(candidate)) ?? 'x';
  return fitting.padEnd(schema.minLength ?? 0, 'x');
}

/** Every string in a value, by its dotted path (array items by index), as validation names fields. */
export function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, String(index)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

/** A copy of a value with the leaf at each path replaced. */
export function replaced(value: unknown, paths: string[][], by: (old: unknown) => unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  for (const path of paths) {
    if (path.length === 0) return by(copy);
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = path[path.length - 1];
    node[last] = by(node[last]);
  }
  return copy;
}
