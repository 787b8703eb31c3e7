import { StepFailed } from './e2e-calls';
import { Lifecycle, STEPS } from './e2e-lifecycle';
import type { Load } from './e2e-load';
import { percentile } from './stats';

interface Report {
  lifecycles: number;
  clients: number;
  load: Load<Lifecycle>;
  floor: Load<number>;
  watcher: { seen: Map<string, number>; polls: number[]; failures(): number };
  /** When each dossier's DossierReceived reached intake's topic, by dossier id. */
  onTopic: Map<string, number>;
  kafka: { bytes: number; idle: number[]; underLoad: number[] };
  oldestWriter: { seconds: number; database: string };
  serverErrors: Map<string, number>;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const spread = (values: number[]) => {
  const s = sorted(values);
  return `${ms(percentile(s, 50)).padStart(7)} ${ms(percentile(s, 99)).padStart(7)} ${ms(s[s.length - 1] ?? Number.NaN).padStart(7)}   (${s.length})`;
};
const line = (label: string, values: number[]) => `${label.padEnd(58)} ${spread(values)}\n`;

/** Prints the figures, each beside its baseline from the same run, then what went wrong, if anything. */
export function printEndToEnd(r: Report): void {
  const out: string[] = [];
  const { done, failed } = r.load;
  const calls = done.reduce((sum, l) => sum + l.trace.length, 0);
  const rate = done.length / r.load.seconds;
  const floorRate = r.floor.done.length / r.floor.seconds;
  out.push(`\nEnd to end: ${r.lifecycles} dossier lives, ${r.clients} concurrent clients (2.001610 online: upload, submit, receive, pay online, resolve, sign, deliver)\n`);
  out.push(`${'case'.padEnd(58)} ${'lives/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}\n`);
  const row = (label: string, perSecond: number, durations: number[]) =>
    `${label.padEnd(58)} ${perSecond.toFixed(2).padStart(7)} ${ms(percentile(durations, 50)).padStart(7)} ${ms(percentile(durations, 99)).padStart(7)}\n`;
  out.push(row(`HTTP floor: the same ${(calls / Math.max(1, done.length)).toFixed(1)} calls per life to /health/live`, floorRate, r.floor.durations));
  out.push(row(`lifecycles through every service's REST API (${done.length} done)`, rate, r.load.durations));
  out.push(`lifecycles/s over the HTTP floor's: ${((rate / floorRate) * 100).toFixed(1)}% (the rest is the services' own work and the Kafka hops the probes wait on)\n`);

  out.push(`\nper step (ms)${' '.repeat(45)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}   (n)\n`);
  for (const name of STEPS) out.push(line(`  ${name}`, done.map((l) => l.steps[name])));

  const missing = done.filter((l) => !r.watcher.seen.has(l.code)).length;
  const fromSubmit = done.flatMap((l) => (r.watcher.seen.has(l.code) ? [(r.watcher.seen.get(l.code) as number) - l.submittedAt] : []));
  const fromReceipt = done.flatMap((l) => (r.watcher.seen.has(l.code) ? [(r.watcher.seen.get(l.code) as number) - l.receivedAt] : []));
  out.push(`\ndossier in the statistics (online_share drill-down) (ms)${' '.repeat(3)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}   (n)\n`);
  out.push(line("  from the submission's 201", fromSubmit));
  out.push(line("  from the reception's 200 (DossierReceived counts it)", fromReceipt));
  const hop = (from: (l: Lifecycle) => number | undefined, to: (l: Lifecycle) => number | undefined) =>
    done.flatMap((l) => {
      const [a, b] = [from(l), to(l)];
      return a === undefined || b === undefined ? [] : [b - a];
    });
  out.push(line("    of which reception's 200 → DossierReceived on intake's topic", hop((l) => l.receivedAt, (l) => r.onTopic.get(l.dossierId))));
  out.push(line('    and DossierReceived on the topic → in the drill-down', hop((l) => r.onTopic.get(l.dossierId), (l) => r.watcher.seen.get(l.code))));
  out.push(line('  one poll of the drill-down (the sighting resolution)', r.watcher.polls));
  out.push(line(`  raw Kafka produce→consume, ${r.kafka.bytes} B, idle broker`, r.kafka.idle));
  out.push(line('  raw Kafka produce→consume, same, during the lifecycles', r.kafka.underLoad));
  const writer = r.oldestWriter;
  out.push(`oldest write transaction open on the server during the lives: ${writer.seconds.toFixed(1)} s${writer.database ? ` (database ${writer.database})` : ''}; no relay publishes past it\n`);
  if (missing > 0 || r.watcher.failures() > 0) out.push(`  never seen in the statistics: ${missing}; drill-down polls that failed: ${r.watcher.failures()}\n`);

  const failures = new Map<string, number>();
  for (const error of failed) {
    const key = error instanceof StepFailed ? `${error.step}: ${error.message.slice(error.step.length + 2, error.step.length + 120)}` : String(error).slice(0, 160);
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
  for (const [what, n] of failures) out.push(`lifecycle abandoned ×${n}: ${what}\n`);
  for (const [route, n] of r.serverErrors) out.push(`5xx ×${n}: ${route}\n`);
  process.stdout.write(out.join(''));
}
