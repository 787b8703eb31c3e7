/**
 * Polls until the probe returns a value the check accepts, or fails with the last value seen.
 * Asynchronous results are awaited this way, never with fixed sleeps. A minute by default: a
 * reader of the event store stops below the server's oldest open transaction, and a consumer's
 * group join takes seconds, both longer on a busy machine.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean = (value) => Boolean(value),
  { timeoutMs = 60_000, intervalMs = 100, what = 'condition' }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const seen = lastError ? `last error: ${String(lastError)}` : `last value: ${JSON.stringify(last)}`;
  throw new Error(`${what} not reached in ${timeoutMs} ms (${seen})`);
}
