import { Components, replaced, sampleOf, SchemaObject, stringPaths } from './openapi-sample';

/** One hostile request to a route, and the fields a 400 must then name. */
export interface Attack {
  name: string;
  body?: string | FormData;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  query?: Record<string, string>;
  names: string[];
  /** Where each field is read on its own (path parameters, form parts), the first refused may be the only one named: one of these. */
  anyOf?: string[];
}

interface Operation {
  parameters?: { name: string; in: string; schema?: SchemaObject }[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

/** Deep enough to overflow a recursive walk over the parsed body. */
const DEPTH = 5000;
const deepArrayText = () => `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
/** Stands for the deep value while the rest is serialised (JSON.stringify itself would overflow on it). */
const DEEP = '\u0000deep\u0000';
const deepObjectText = () => `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
/** Characters PostgreSQL refuses in text (NUL) or that no text field means (escape, a lone surrogate). */
const FORBIDDEN = { NUL: 'a\u0000b', ESC: 'a\u001bb', 'lone surrogate': 'a\ud800b' };

/** The attacks a route's document calls for: on its JSON body, its multipart form, its parameters. */
export function attacksOn(operation: Operation, components: Components): Attack[] {
  const content = operation.requestBody?.content ?? {};
  const json = content['application/json'];
  const form = content['multipart/form-data'];
  const jsonSample = json ? sampleOf(json.schema, components) : undefined;
  const csv = content['text/csv'] ? [{ name: 'NUL in a CSV cell', body: 'code,name\nSAMPLE.1,a\u0000b\n', headers: { 'content-type': 'text/csv' }, names: [] }] : [];
  return [...(json ? jsonAttacks(jsonSample) : []), ...(form ? formAttacks(form.schema, components) : []), ...csv, ...paramAttacks(operation, json ? jsonSample : undefined)];
}

function jsonAttacks(sample: unknown): Attack[] {
  const as = (name: string, value: unknown, names: string[] = []): Attack => ({ name, body: JSON.stringify(value), headers: { 'content-type': 'application/json' }, names });
  const texts = stringPaths(sample);
  const dotted = texts.map((path) => path.join('.'));
  const first = sample && typeof sample === 'object' && !Array.isArray(sample) ? Object.keys(sample)[0] : undefined;
  const attacks: Attack[] = [
    { name: 'a body nested thousands of levels deep', body: deepObjectText(), headers: { 'content-type': 'application/json' }, names: [] },
    ...Object.entries(FORBIDDEN).map(([what, text]) => as(`${what} in every text field`, replaced(sample, texts, () => text), dotted)),
    as('tab and newlines in every text field', replaced(sample, texts, () => 'a\tb\r\nc')),
    as('every text field null', replaced(sample, texts, () => null)),
    as('every text field an object', replaced(sample, texts, () => ({ $gt: '' }))),
  ];
  if (first) {
    const deep = as(`${first} nested thousands of levels deep`, replaced(sample, [[first]], () => DEEP), [first]);
    attacks.push({ ...deep, body: String(deep.body).replace(JSON.stringify(DEEP), deepArrayText()) });
    attacks.push(as('every property null', replaced(sample, Object.keys(sample as object).map((key) => [key]), () => null)));
  }
  return attacks;
}

function formAttacks(schema: SchemaObject | undefined, components: Components): Attack[] {
  const resolved = schema?.$ref ? components[schema.$ref.split('/').pop() ?? ''] : schema;
  const properties = Object.entries(resolved?.properties ?? {});
  const textFields = properties.filter(([, p]) => p.format !== 'binary').map(([name]) => name);
  const form = (text: (name: string) => string) => {
    const data = new FormData();
    for (const name of textFields) data.append(name, text(name));
    // A PDF's first bytes, so a route that tells types by content gets as far as its fields.
    for (const [name] of properties.filter(([, p]) => p.format === 'binary')) data.append(name, new Blob(['%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n']), 'a.pdf');
    return data;
  };
  return [
    ...Object.entries(FORBIDDEN).map(([what, text]) => ({ name: `${what} in every form field`, body: form(() => text), names: [], anyOf: textFields })),
    { name: 'JSON nested thousands of levels deep in every form field', body: form(() => deepObjectText()), names: [] },
  ];
}

function paramAttacks(operation: Operation, body: unknown): Attack[] {
  const params = (operation.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
  if (params.length === 0) return [];
  const withBody = body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  return Object.entries(FORBIDDEN).map(([what, text]) => ({
    name: `${what} in every parameter`,
    ...withBody,
    params: Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, text])),
    query: Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, text])),
    // Arguments are validated one after another: with a body that may fail first, only "no 5xx" is asked.
    names: [],
    // A lone surrogate cannot be sent as UTF-8: the server refuses the URL itself, before any parameter.
    anyOf: body === undefined && what !== 'lone surrogate' ? params.map((p) => p.name) : undefined,
  }));
}
