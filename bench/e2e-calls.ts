import type { Stack } from '../libs/testing/src/stack/stack-harness';

const PROBE_MS = Number(process.env['BENCH_E2E_PROBE_MS'] ?? 25);
const STEP_TIMEOUT_MS = Number(process.env['BENCH_E2E_STEP_TIMEOUT_MS'] ?? 120_000);

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** A lifecycle step that did not happen: the lifecycle is abandoned and the step named in the findings. */
export class StepFailed extends Error {
  constructor(readonly step: string, detail: string) {
    super(`${step}: ${detail}`);
  }
}

/**
 * Every HTTP call of the lifecycles goes through here: which service each call went to, in order
 * (the HTTP baseline replays the same sequence against /health/live), and every 5xx by route.
 */
export class E2eCalls {
  readonly serverErrors = new Map<string, number>();

  constructor(private readonly stack: Stack) {}

  async call(trace: string[], service: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
    trace.push(service);
    const form = body instanceof FormData;
    const prefix = service === 'payment-platform' && path.startsWith('/simulator') ? '' : '/v1';
    const response = await fetch(`${this.stack.url(service)}${prefix}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined || form ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 500) {
      const route = `${method} ${service} ${prefix}${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}').replace(/H56[.\d]*-\d{6}-\d{4}/g, '{code}')} → ${response.status}`;
      this.serverErrors.set(route, (this.serverErrors.get(route) ?? 0) + 1);
    }
    return { status: response.status, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  /** A call whose answer must be 2xx, else the step fails with the status and the problem's code. */
  async expect(step: string, trace: string[], service: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
    const answer = await this.call(trace, service, method, path, headers, body);
    if (answer.status >= 300) throw new StepFailed(step, `answered ${answer.status} ${String(answer.body['code'] ?? '')}`);
    return answer;
  }

  /** Polls a REST view every PROBE_MS until the asynchronous step shows in it. */
  async until(step: string, trace: string[], service: string, path: string, headers: Record<string, string>, accept: (answer: Answer) => boolean): Promise<Answer> {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    let last: Answer | undefined;
    while (Date.now() < deadline) {
      last = await this.call(trace, service, 'GET', path, headers);
      if (accept(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
    }
    throw new StepFailed(step, `not seen in ${STEP_TIMEOUT_MS} ms (last answer ${last?.status} ${JSON.stringify(last?.body).slice(0, 200)})`);
  }
}

/** Milliseconds since an arbitrary origin, monotonic: every instant of the benchmark on one scale. */
export const now = (): number => performance.now();

/** Times one step into `steps`. */
export async function step<T>(steps: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const start = now();
  const result = await work();
  steps[name] = now() - start;
  return result;
}
