import { PgDatabase } from '@motcua/event-store';

/**
 * The oldest write transaction open on the PostgreSQL server while the lifecycles run, sampled
 * every half second. Every relay publishes only rows of transactions older than the server's
 * oldest running one (pg_snapshot_xmin, which spans every database of the server), so one long
 * writer anywhere — another database's bulk load included — holds every service's events back
 * for as long as it stays open, and the figures with them.
 */
export function watchOldestWriter(databaseUrl: string) {
  const db = PgDatabase.connect(databaseUrl, { max: 1 });
  const oldest = { seconds: 0, database: '' };
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await db
        .query<{ seconds: number; datname: string }>(
          `select extract(epoch from now() - xact_start)::float8 as seconds, datname from pg_stat_activity
           where backend_xid is not null and pid <> pg_backend_pid() order by xact_start limit 1`,
        )
        .catch(() => ({ rows: [] }));
      if (rows[0] && rows[0].seconds > oldest.seconds) Object.assign(oldest, { seconds: rows[0].seconds, database: rows[0].datname });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  return {
    async stop(): Promise<{ seconds: number; database: string }> {
      running = false;
      await loop;
      await db.pool.end();
      return oldest;
    },
  };
}
