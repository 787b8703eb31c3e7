import type { Clock } from '@motcua/platform';
import type { DemoClient } from './demo-client';
import type { DrivenDossier } from './driven-dossier';

/**
 * A line on stderr every few seconds: where the simulated clock is, how many dossiers have
 * started and finished, the pace of REST calls, and how far behind the clock the oldest act
 * still being performed was due (the run keeps up while that stays within hours).
 */
export function showProgress(clock: Clock, client: DemoClient, dossiers: readonly DrivenDossier[], write: (line: string) => void, everyMs = 5_000): () => void {
  const acts = () => dossiers.reduce((sum, d) => sum + d.performed, 0);
  let lastCalls = client.calls;
  let lastActs = acts();
  let lastAt = Date.now();
  const timer = setInterval(() => {
    const now = clock.now();
    const started = dossiers.filter((d) => d.performed > 0).length;
    const finished = dossiers.filter((d) => d.finished).length;
    const perSecond = (n: number) => ((n * 1000) / Math.max(1, Date.now() - lastAt)).toFixed(1);
    const [calls, performed] = [client.calls, acts()];
    const rates = `${perSecond(performed - lastActs)} acts/s, ${perSecond(calls - lastCalls)} calls/s`;
    [lastCalls, lastActs, lastAt] = [calls, performed, Date.now()];
    const oldest = dossiers.reduce((min, d) => (d.actDue !== undefined && d.actDue < min ? d.actDue : min), now.getTime());
    const behind = Math.max(0, now.getTime() - oldest) / 3_600_000;
    const local = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    write(`demo ${local} (Hà Nội) · dossiers ${dossiers.length} planned, ${started} started, ${finished} finished · ${rates} · ${client.slots.busy} in flight, ${client.slots.queued} queued · behind the clock ${behind.toFixed(1)} h`);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
