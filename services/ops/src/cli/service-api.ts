import { OpsError } from './connections';

/** The consuming services and their ports under `npm start` (DESIGN.md, "Ports and paths"). */
export const CONSUMING_SERVICES: Readonly<Record<string, number>> = { intake: 3001, processing: 3002, payment: 3003, digitisation: 3004, issuance: 3005 };
/** Every service the tool calls: the consuming ones and the projections (its rebuild). */
const SERVICES: Readonly<Record<string, number>> = { ...CONSUMING_SERVICES, projections: 3006 };

/**
 * A service's REST API as an operator calls it: its URL from `MOTCUA_<SERVICE>_URL` or the local
 * default, the operator's bearer token from `--token` or `MOTCUA_TOKEN`.
 */
export class ServiceApi {
  constructor(
    readonly service: string,
    private readonly base: string,
    private readonly token: string,
  ) {}

  static of(service: string, token: string | undefined, env: NodeJS.ProcessEnv = process.env): ServiceApi {
    const port = SERVICES[service];
    if (port === undefined) throw new OpsError(`unknown service '${service}': one of ${Object.keys(SERVICES).join(', ')}`, 2);
    if (!token) throw new OpsError('no operator token: pass --token or set MOTCUA_TOKEN (in development: npm run token -- --role OPERATOR --unit H56)', 2);
    const base = env[`MOTCUA_${service.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}`;
    return new ServiceApi(service, base.replace(/\/+$/, ''), token);
  }

  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs = 30_000): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new OpsError(`cannot reach ${this.service} at ${this.base}: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`);
    }
    const answer = (await response.json().catch(() => ({}))) as T & { code?: string; detail?: string; title?: string };
    if (!response.ok) throw new OpsError(`${this.service} answered ${response.status} ${answer.code ?? ''}: ${answer.detail ?? answer.title ?? ''}`.trim());
    return answer;
  }
}
