import { Client } from 'pg';

/**
 * Counts every statement this process sends to PostgreSQL (pg's Client.query, which the pools
 * use), by its first words: where a request's round trips and commits go.
 */
export class StatementProbe {
  private readonly counts = new Map<string, number>();
  private active = false;

  constructor() {
    const original = Client.prototype.query as (...args: unknown[]) => unknown;
    const counts = this.counts;
    const probe = () => this.active;
    (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
      if (probe()) {
        const first = args[0] as string | { text?: string };
        const text = (typeof first === 'string' ? first : (first?.text ?? '')).replace(/\s+/g, ' ').trim().slice(0, 70);
        counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      return original.apply(this, args);
    };
  }

  /** Counts the statements `work` sends, per unit of work. */
  async measure(units: number, work: () => Promise<void>): Promise<{ perUnit: number; commits: number; byStatement: [string, number][] }> {
    this.counts.clear();
    this.active = true;
    try {
      await work();
    } finally {
      this.active = false;
    }
    const byStatement = [...this.counts.entries()].sort((a, b) => b[1] - a[1]).map(([text, n]): [string, number] => [text, n / units]);
    const total = byStatement.reduce((sum, [, n]) => sum + n, 0);
    const commits = byStatement.filter(([text]) => /^commit/i.test(text)).reduce((sum, [, n]) => sum + n, 0);
    return { perUnit: total, commits, byStatement };
  }
}
