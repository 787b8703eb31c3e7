import type { PgDatabase } from '@motcua/event-store';
import type { ServiceApi } from '../service-api';

interface RebuildReport {
  retiredSchema: string;
  checksums: Record<string, string>;
}

/** A rebuild of a whole province's history takes minutes; the tool waits as long as the service may take. */
const REBUILD_TIMEOUT_MS = 60 * 60_000;

/**
 * Asks the projections service to rebuild its read models from the start of the topics (the live
 * tables keep answering until the switch) and shows how far the rebuild has read while it runs:
 * the rebuild's consumed offsets against the live ones, per topic, read from the database.
 */
export async function replay(api: ServiceApi, db: PgDatabase | undefined, out: (line: string) => void, everyMs = 2_000): Promise<void> {
  const started = Date.now();
  out(`replaying every read model of projections from the start of the topics; the live tables answer until the switch${db ? '' : ' (no --database: elapsed time only)'}`);
  let finished = false;
  const rebuild = api.call<RebuildReport>('POST', '/projections/rebuild', undefined, REBUILD_TIMEOUT_MS).finally(() => (finished = true));
  const tick = () => new Promise((resolve) => setTimeout(resolve, everyMs));
  while (!finished) {
    await Promise.race([tick(), rebuild.catch(() => undefined)]);
    if (finished) break;
    out(`  ${seconds(started)} s${db ? ` · ${describe(await progress(db))}` : ''}`);
  }
  const report = await rebuild;
  out(`replayed in ${seconds(started)} s; the previous tables are kept as ${report.retiredSchema} until the next replay`);
  for (const [table, checksum] of Object.entries(report.checksums).sort(([a], [b]) => a.localeCompare(b))) out(`  ${table.padEnd(40)} ${checksum}`);
}

interface TopicProgress {
  topic: string;
  rebuilt: bigint;
  live: bigint;
}

/** Positions read per topic by the rebuild and by the live tables; nothing yet while the rebuild's schema is being made. */
async function progress(db: PgDatabase): Promise<TopicProgress[]> {
  try {
    const { rows } = await db.query<{ topic: string; live: string; rebuilt: string }>(
      `select l.topic, sum(l."offset" + 1) as live, coalesce(sum(r."offset" + 1), 0) as rebuilt
         from projections.consumed_offsets l left join projections_rebuild.consumed_offsets r using (topic, partition)
        group by l.topic order by l.topic`,
    );
    return rows.map((r) => ({ topic: r.topic, live: BigInt(r.live), rebuilt: BigInt(r.rebuilt) }));
  } catch {
    return [];
  }
}

function describe(topics: TopicProgress[]): string {
  if (topics.length === 0) return 'preparing';
  const live = topics.reduce((n, t) => n + t.live, 0n);
  const rebuilt = topics.reduce((n, t) => n + (t.rebuilt < t.live ? t.rebuilt : t.live), 0n);
  const share = live === 0n ? 100 : Number((rebuilt * 1000n) / live) / 10;
  return `${rebuilt.toLocaleString('en')} of ${live.toLocaleString('en')} messages (${share}%) · ${topics.filter((t) => t.rebuilt >= t.live).length}/${topics.length} topics caught up`;
}

const seconds = (since: number) => Math.round((Date.now() - since) / 1000);
