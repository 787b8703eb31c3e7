import type { DemoCatalogue } from '../plan/demo-catalogue';
import { Body, DemoClient, UnexpectedAnswer } from './demo-client';
import type { DrivenDossier } from './driven-dossier';

/** Real time an asynchronous effect (a consumer in another service) may take before it is a failure. */
export const PROBE_TIMEOUT_MS = 240_000;

export interface ActContext {
  client: DemoClient;
  catalogue: DemoCatalogue;
  d: DrivenDossier;
}

export const idOf = (d: DrivenDossier): string => {
  if (!d.dossierId) throw new Error('the dossier was never submitted');
  return d.dossierId;
};

export const admin = (c: ActContext) => c.client.officer('ADMIN', 'H56');

/** The applicant's side: the portal for an online dossier, the desk of its unit otherwise. */
export const applicantSide = (c: ActContext) => (c.d.plan.channel === 'ONLINE' ? c.client.portal() : c.client.officer('RECEPTION_OFFICER', c.d.plan.unit));

/**
 * Polls a REST view until it shows what another service's consumer did, less often the longer it
 * waits (hundreds of dossiers may wait at once). A view answering an unexpected status keeps
 * being polled until the deadline, then fails naming the route.
 */
export async function probe(c: ActContext, service: string, path: string, accept: (status: number, body: Body) => boolean, what: string): Promise<Body> {
  const deadline = Date.now() + PROBE_TIMEOUT_MS;
  let last = { status: 0, body: {} as Body };
  for (let interval = 50; Date.now() < deadline; interval = Math.min(1_000, interval * 2)) {
    last = await c.client.call(service, 'GET', path, admin(c));
    if (accept(last.status, last.body)) return last.body;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  throw new UnexpectedAnswer(`${service} GET ${path.replace(/[0-9a-f-]{36}/g, ':id')} (waiting for ${what})`, last.status, typeof last.body['code'] === 'string' ? last.body['code'] : undefined);
}

/** The case as processing holds it, once it is open (not waiting for a payment or a supplement). */
export const openCase = (c: ActContext) => probe(c, 'processing', `/cases/${idOf(c.d)}`, (s, b) => s === 200 && b['status'] === 'OPEN', 'the case open in processing');
