import { randomUUID } from 'node:crypto';
import { ROLES } from '@motcua/platform';
import { Attack, attacksOn } from './bad-input-attacks';
import type { InProcessService } from './in-process-service';
import { Components, sampleOf, SchemaObject } from './openapi-sample';

interface Operation {
  parameters?: { name: string; in: string; schema?: SchemaObject }[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Components };
}

export interface SweepOptions {
  /** The service's origin, e.g. http://127.0.0.1:1234 (the document is read from /docs/json). */
  origin: string;
  /** Header sets tried in turn; each route is attacked with the first its guard lets through. */
  credentials: Record<string, string>[];
}

/** What went wrong on one request: a 5xx, or a refusal that does not name the field at fault. */
export interface Finding {
  route: string;
  attack: string;
  status: number;
  problem: string;
}

/**
 * Sends hostile input (deep nesting, control characters, nulls, wrong types) to every route of a
 * service's OpenAPI document that takes a body or a parameter, and lists every answer that is a
 * 5xx or a 400 that fails to name the field attacked. New routes are covered as they are documented.
 */
export async function sweepBadInput(options: SweepOptions): Promise<{ routes: string[]; findings: Finding[] }> {
  const document = (await (await fetch(`${options.origin}/docs/json`)).json()) as OpenApiDocument;
  const components = document.components?.schemas ?? {};
  const routes: string[] = [];
  const findings: Finding[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const attacks = attacksOn(operation, components);
      if (attacks.length === 0) continue;
      const route = `${method.toUpperCase()} ${path}`;
      routes.push(route);
      const url = (attack: Attack) => options.origin + fillPath(path, operation, components, attack.params ?? {}) + query(attack.query);
      const send = (attack: Attack, headers: Record<string, string>) =>
        fetch(url(attack), { method: method.toUpperCase(), headers: { ...headers, 'idempotency-key': randomUUID(), ...attack.headers }, body: attack.body });
      const credentials = await credentialFor(attacks[0], options.credentials, send);
      for (const attack of attacks) {
        const response = await send(attack, credentials);
        const problem = (await response.json().catch(() => ({}))) as { code?: string; errors?: { field: string }[] };
        const named = (problem.errors ?? []).map((e) => e.field);
        const isNamed = (field: string) => named.some((n) => n === field || n.startsWith(`${field}.`));
        const unnamed = response.status !== 400 ? [] : attack.anyOf && !attack.anyOf.some(isNamed) ? [`any of ${attack.anyOf.join(', ')}`] : attack.names.filter((field) => !isNamed(field));
        if (response.status >= 500 || unnamed.length > 0) {
          findings.push({ route, attack: attack.name, status: response.status, problem: `${problem.code ?? '?'}${unnamed.length ? `; not named: ${unnamed.join(', ')} (named: ${named.join(', ') || 'none'})` : ''}` });
        }
      }
    }
  }
  return { routes, findings };
}

/** The sweep on a service started in-process: no credentials first, then the portal, then an officer of each role. */
export function sweepService(service: InProcessService, unit = 'H56.10'): Promise<{ routes: string[]; findings: Finding[] }> {
  const officers = ROLES.filter((role) => role !== 'PORTAL').map((role) => service.officer(role as Exclude<typeof role, 'PORTAL'>, unit));
  return sweepBadInput({ origin: service.base.replace(/\/v1$/, ''), credentials: [{}, service.portal(), ...officers] });
}

async function credentialFor(probe: Attack, candidates: Record<string, string>[], send: (a: Attack, h: Record<string, string>) => Promise<Response>): Promise<Record<string, string>> {
  for (const candidate of candidates) {
    const response = await send(probe, candidate);
    await response.arrayBuffer();
    if (response.status !== 401 && response.status !== 403) return candidate;
  }
  return candidates[0] ?? {};
}

function fillPath(path: string, operation: Operation, components: Components, given: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (given[name] !== undefined) return encoded(given[name]);
    const schema = operation.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
    const sample = schema?.format || schema?.example || schema?.enum ? sampleOf(schema, components) : undefined;
    return encodeURIComponent(typeof sample === 'string' ? sample : /id$/i.test(name) ? randomUUID() : 'SAMPLE.1');
  });
}

/** Percent-encoded as UTF-8; a lone surrogate, which UTF-8 cannot hold, is sent as the bytes a careless encoder would produce. */
const encoded = (text: string) => text.split(/([\ud800-\udfff])/).map((part, i) => (i % 2 ? '%ED%A0%80' : encodeURIComponent(part))).join('');

const query = (values: Record<string, string> | undefined) => (values && Object.keys(values).length ? `?${new URLSearchParams(values).toString()}` : '');

