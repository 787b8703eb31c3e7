import type { Stack } from '../libs/testing/src/stack/stack-harness';
import { now } from './e2e-calls';
import { PROCEDURE, SERVICE_CENTRE } from './e2e-lifecycle';

const WATCH_MS = Number(process.env['BENCH_E2E_WATCH_MS'] ?? 25);

/**
 * When each dossier code first appears in the statistics: the drill-down behind the online-share
 * figure of the day (its denominator is every dossier received that day, counted on
 * DossierReceived), asked by an analyst of the service centre, polled every WATCH_MS. One watcher
 * for all clients, so its polling load does not grow with the concurrency; each sighting is late
 * by at most one poll (the poll's own round trip is printed beside the figures).
 */
export function watchStatistics(stack: Stack, day: string) {
  const seen = new Map<string, number>();
  const polls: number[] = [];
  const analyst = stack.token('ANALYST', SERVICE_CENTRE);
  const query = `from=${day}&to=${day}&period=day&side=denominator&units=reception&unit=${SERVICE_CENTRE}&procedure=${PROCEDURE}&limit=1000`;
  let running = true;
  let failures = 0;

  const pollOnce = async () => {
    const started = now();
    let after: string | null = null;
    do {
      const response = await fetch(`${stack.url('projections')}/v1/statistics/indicators/online_share/dossiers?${query}${after ? `&after=${encodeURIComponent(after)}` : ''}`, { headers: analyst });
      if (response.status !== 200) {
        failures += 1;
        await response.arrayBuffer();
        return;
      }
      const page = (await response.json()) as { codes: string[]; next: string | null };
      const at = now();
      for (const code of page.codes) if (!seen.has(code)) seen.set(code, at);
      after = page.next;
    } while (after !== null);
    polls.push(now() - started);
  };

  const loop = (async () => {
    while (running) {
      await pollOnce().catch(() => (failures += 1));
      await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
    }
  })();

  return {
    seen,
    polls,
    failures: () => failures,
    /** Waits (bounded) until every code given has been seen, then stops polling. */
    async stop(codes: string[], timeoutMs = 60_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (codes.some((code) => !seen.has(code)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
      running = false;
      await loop;
    },
  };
}
