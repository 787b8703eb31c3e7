import { ParkedStats } from '@motcua/event-store';
import { Gauge, Registry } from 'prom-client';
import { ParkedMessageDrain } from './parked-message-drain';

const REASONS = ['NOT_YET_KNOWN', 'UNKNOWN_VERSION', 'BEHIND_DEAD_LETTER', 'BEHIND_PARKED'] as const;

/**
 * What waits and for how long, read from the service's tables at each scrape, so a message
 * parked for days shows on a dashboard instead of only in a log line. Every reason is reported,
 * at 0 when none waits, so an alert on it never sees a gap. A scrape while the database is away
 * keeps the last values rather than failing.
 */
export function registerParkedMetrics(registry: Registry, drain: ParkedMessageDrain): void {
  const byReason = (name: string, help: string, value: (found: ParkedStats | undefined) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['reason'],
      registers: [registry],
      async collect() {
        const stats = await drain.parked.stats().catch(() => undefined);
        if (!stats) return;
        for (const reason of REASONS) this.set({ reason }, value(stats.find((row) => row.reason === reason)));
      },
    });
  byReason('motcua_parked_messages', 'Messages parked in the service, waiting to be applied, by reason', (found) => found?.count ?? 0);
  byReason('motcua_parked_oldest_age_seconds', 'Age of the oldest parked message, by reason (0 when none waits)', (found) => found?.oldestAgeSeconds ?? 0);
  new Gauge({
    name: 'motcua_dead_letters_open',
    help: 'Dead-lettered messages not yet re-driven or discarded; each holds its subject back',
    registers: [registry],
    async collect() {
      const open = await drain.deadLetters.countOpen().catch(() => undefined);
      if (open !== undefined) this.set(open);
    },
  });
}
