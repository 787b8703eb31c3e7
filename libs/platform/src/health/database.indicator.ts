import { PgDatabase } from '@motcua/event-store';
import { ReadinessIndicator } from './readiness';

/** PostgreSQL holds the event store, so every write; without it the service is not ready. */
export function databaseIndicator(db: PgDatabase, timeoutMs = 3_000): ReadinessIndicator {
  return {
    name: 'database',
    role: 'required',
    check: async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([db.query('select 1'), timeout]);
        return { ready: true };
      } catch {
        return { ready: false, detail: 'PostgreSQL does not answer' };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
