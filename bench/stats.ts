/** Small helpers for printing benchmark figures; benchmarks print, they never assert. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index];
}

export interface Row {
  case: string;
  events: number;
  seconds: number;
  p50?: number;
  p99?: number;
  baseline?: number;
}

export function printTable(title: string, rows: Row[]): void {
  const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? '' : n.toFixed(digits));
  const lines = rows.map((row) => {
    const rate = row.events / row.seconds;
    return [
      row.case.padEnd(44),
      fmt(rate).padStart(10),
      fmt(row.p50, 2).padStart(8),
      fmt(row.p99, 2).padStart(8),
      (row.baseline ? `${((rate / row.baseline) * 100).toFixed(0)}%` : '').padStart(12),
    ].join(' ');
  });
  process.stdout.write(
    `\n${title}\n${'case'.padEnd(44)} ${'events/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'vs baseline'.padStart(12)}\n${lines.join('\n')}\n`,
  );
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}
