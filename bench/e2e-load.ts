import type { Stack } from '../libs/testing/src/stack/stack-harness';
import { now } from './e2e-calls';
import { timed } from './stats';

export interface Load<T> {
  done: T[];
  failed: unknown[];
  seconds: number;
  /** Each finished item's duration, ms, sorted. */
  durations: number[];
}

/** `total` items shared by `clients` concurrent clients, each taking the next as soon as its last is over. */
export async function closedLoop<T>(total: number, clients: number, one: (n: number) => Promise<T>): Promise<Load<T>> {
  const done: T[] = [];
  const failed: unknown[] = [];
  const durations: number[] = [];
  let next = 0;
  const { seconds } = await timed(() =>
    Promise.all(
      Array.from({ length: clients }, async () => {
        for (let n = next++; n < total; n = next++) {
          const start = now();
          try {
            done.push(await one(n));
            durations.push(now() - start);
          } catch (error) {
            failed.push(error);
          }
        }
      }),
    ),
  );
  return { done, failed, seconds, durations: durations.sort((a, b) => a - b) };
}

/**
 * The HTTP floor: each lifecycle's calls replayed in the same order, to the same service
 * processes, as GET /health/live (no body, no database, no Kafka), by the same number of clients
 * with no pause between calls. What the services' HTTP stacks, the loopback and this client allow.
 */
export function httpFloor(stack: Stack, traces: string[][], clients: number): Promise<Load<number>> {
  return closedLoop(traces.length, clients, async (n) => {
    for (const service of traces[n]) {
      const response = await fetch(`${stack.url(service)}/health/live`);
      if (response.status !== 200) throw new Error(`${service} /health/live answered ${response.status}`);
      await response.arrayBuffer();
    }
    return traces[n].length;
  });
}
