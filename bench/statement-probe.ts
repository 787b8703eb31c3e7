import { Client } from 'pg';

/**
 * Counts every statement this process sends to PostgreSQL (pg's Client.query, which the pools
 * use), by its first words: where a request's round trips and commits go.
 */
export class StatementProbe {
  private readonly counts = new Map<string, number>();
  private readonly waits = new Map<string, number>();
  private active = false;

  constructor() {
    const original = Client.prototype.query as (...args: unknown[]) => unknown;
    const { counts, waits } = this;
    const probe = () => this.active;
    (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
      const result = original.apply(this, args);
      if (!probe()) return result;
      const first = args[0] as string | { text?: string };
      const text = (typeof first === 'string' ? first : (first?.text ?? '')).replace(/\s+/g, ' ').trim().slice(0, 70);
      counts.set(text, (counts.get(text) ?? 0) + 1);
      const start = process.hrtime.bigint();
      // Time from sending to the answer, queueing behind the client's earlier statements included.
      const done = () => waits.set(text, (waits.get(text) ?? 0) + Number(process.hrtime.bigint() - start) / 1e6);
      if (result instanceof Promise) result.then(done, done);
      return result;
    };
  }

  /** The statements `work` sends and the time waited for their answers, per unit of work. */
  async measure(units: number, work: () => Promise<void>): Promise<{ perUnit: number; commits: number; sqlMs: number; byStatement: [string, number, number][] }> {
    this.counts.clear();
    this.waits.clear();
    this.active = true;
    try {
      await work();
    } finally {
      this.active = false;
    }
    const byStatement = [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([text, n]): [string, number, number] => [text, n / units, (this.waits.get(text) ?? 0) / units]);
    const total = byStatement.reduce((sum, [, n]) => sum + n, 0);
    const commits = byStatement.filter(([text]) => /^commit/i.test(text)).reduce((sum, [, n]) => sum + n, 0);
    const sqlMs = byStatement.reduce((sum, [, , ms]) => sum + ms, 0);
    return { perUnit: total, commits, sqlMs, byStatement };
  }
}
