import { Inject, Injectable, Logger as NestLogger } from '@nestjs/common';
import { fromNestLogger, KafkaPublisher } from '@motcua/messaging';
import { CONFIG, ConflictError, ServiceConfig } from '@motcua/platform';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { PROJECTED_TOPICS, PROJECTION_KAFKA, projectionGroup } from '../../api/kafka/projection.runtime';
import { ProjectionConsumer } from '../../api/kafka/projection-consumer';
import { migrateUnderLock } from '../../database/migrate-under-lock';
import { projectionsDataSourceOptions } from '../../database/projections-data-source';
import { checkedSchema, PROJECTIONS_SCHEMA } from '../../database/projections-schema';
import { BatchProjector, SWITCH_LOCK } from '../project-batch/batch-projector';
import { schemaChecksums } from './schema-checksum';

const REBUILD_SCHEMA = 'projections_rebuild';
const RETIRED_PREFIX = 'projections_retired_';
/** Held for a rebuild's whole run, whichever replica runs it: there is one rebuild schema. */
const REBUILD_LOCK = "hashtext('motcua.projections.rebuild')";
/** The switch holds every live batch back while the rebuild closes its last gap: keep that short. */
const FINAL_GAP_MS = 60_000;

export interface RebuildReport {
  /** The schema the previous live tables were moved to, kept for comparison until the next rebuild. */
  retiredSchema: string;
  /** Per table, `rows:md5` of the swapped-in tables at the instant of the switch. */
  checksums: Record<string, string>;
}

type Offsets = Map<string, bigint>;

/**
 * Rebuilds every read model from the start of the topics into a fresh schema while the live one
 * keeps answering and applying (on every replica), then switches the two in one transaction.
 * The rebuild applies nothing past the live tables' offsets, a bound moved up as they move; its
 * consumer's position never passes the bound either (a partition waits there), so the stored
 * offset reaching the live one means every message up to it was applied. The switch takes the
 * lock every live batch holds shared, so the live offsets stand still; it moves the bound to them
 * one last time, waits there for the rebuild to reach them (a few batches), and renames: the
 * swapped-in tables hold exactly the history the live ones held. A live batch that waited on the
 * lock then runs against them, from their stored offsets.
 */
@Injectable()
export class RebuildReadModels {
  private readonly logger = new NestLogger('projections-rebuild');

  constructor(
    @Inject(CONFIG) private readonly config: ServiceConfig,
    @Inject(PROJECTION_KAFKA) private readonly kafka: Kafka,
    private readonly live: DataSource,
  ) {}

  async run(timeoutMs = 30 * 60_000): Promise<RebuildReport> {
    const lock = this.live.createQueryRunner();
    await lock.connect();
    try {
      const [{ held }] = (await lock.query(`select pg_try_advisory_lock(${REBUILD_LOCK}) as held`)) as { held: boolean }[];
      if (!held) throw new ConflictError('PROJECTIONS.REBUILD_RUNNING', 'A rebuild is already running');
      try {
        return await this.rebuild(timeoutMs);
      } finally {
        await lock.query(`select pg_advisory_unlock(${REBUILD_LOCK})`);
      }
    } finally {
      await lock.release();
    }
  }

  private async rebuild(timeoutMs: number): Promise<RebuildReport> {
    await this.live.query(`drop schema if exists ${REBUILD_SCHEMA} cascade`);
    const fresh = await new DataSource(projectionsDataSourceOptions(this.config.DATABASE_URL, REBUILD_SCHEMA)).initialize();
    const publisher = new KafkaPublisher(this.kafka);
    const bounds: Offsets = await this.offsets(PROJECTIONS_SCHEMA, this.live);
    let consumer: ProjectionConsumer | undefined;
    try {
      await migrateUnderLock(fresh, REBUILD_SCHEMA);
      const projector = new BatchProjector(fresh, REBUILD_SCHEMA, {}, bounds);
      const group = `${projectionGroup(this.config)}.rebuild-${Date.now()}`;
      consumer = new ProjectionConsumer(this.kafka, publisher, projector, { group, topics: PROJECTED_TOPICS, logger: fromNestLogger(this.logger), sendDeadLetters: false });
      consumer.startInBackground();
      const rebuild = { fresh, consumer, bounds };
      await this.reached(fresh, bounds, Date.now() + timeoutMs);
      // Close most of what the live tables applied meanwhile without holding anyone back.
      await this.catchUp(rebuild, await this.offsets(PROJECTIONS_SCHEMA, this.live), Date.now() + timeoutMs);
      const report = await this.swap(rebuild);
      consumer = undefined;
      await this.dropRetiredBefore(report.retiredSchema);
      return report;
    } finally {
      await consumer?.stop();
      await publisher.close();
      await fresh.destroy();
    }
  }

  private async offsets(schema: string, source: { query: DataSource['query'] }): Promise<Offsets> {
    const rows: { topic: string; partition: number; offset: string }[] = await source.query(`select topic, partition, "offset" from ${schema}.consumed_offsets`);
    return new Map(rows.map((r) => [`${r.topic}|${r.partition}`, BigInt(r.offset)]));
  }

  /** Moves the bound up to `target`; the rebuild's partitions waiting at the old bound read on from it. */
  private async catchUp({ fresh, bounds }: Rebuild, target: Offsets, deadline: number): Promise<void> {
    for (const [key, offset] of target) bounds.set(key, offset);
    await this.reached(fresh, target, deadline);
  }

  /** Until the rebuild has applied, on every partition, what the live tables hold. */
  private async reached(fresh: DataSource, target: Offsets, deadline: number): Promise<void> {
    for (;;) {
      const rebuilt = await this.offsets(REBUILD_SCHEMA, fresh);
      if ([...target].every(([key, offset]) => (rebuilt.get(key) ?? -1n) >= offset)) return;
      if (Date.now() > deadline) throw new Error('the rebuild did not reach the live offsets in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Alone on the switch lock: no live batch is between its first and last statement while the names change. */
  private swap(rebuild: Rebuild): Promise<RebuildReport> {
    const retiredSchema = `${RETIRED_PREFIX}${Date.now()}`;
    return this.live.transaction(async (manager) => {
      await manager.query(`select pg_advisory_xact_lock(${SWITCH_LOCK})`);
      await this.catchUp(rebuild, await this.offsets(PROJECTIONS_SCHEMA, manager), Date.now() + FINAL_GAP_MS);
      await rebuild.consumer.stop();
      await manager.query(`alter schema ${PROJECTIONS_SCHEMA} rename to ${retiredSchema}`);
      await manager.query(`alter schema ${REBUILD_SCHEMA} rename to ${PROJECTIONS_SCHEMA}`);
      // The rebuilt indicator totals are still queued (every projected dossier is): reports count
      // those dossiers live, exactly, until the drain has worked the queue off under the new name.
      return { retiredSchema, checksums: await schemaChecksums(manager, PROJECTIONS_SCHEMA) };
    });
  }

  /** The latest retired tables stay for comparison; older ones go. */
  private async dropRetiredBefore(latest: string): Promise<void> {
    const rows: { name: string }[] = await this.live.query(`select nspname as name from pg_namespace where nspname like $1 and nspname <> $2`, [`${RETIRED_PREFIX}%`, latest]);
    for (const { name } of rows) await this.live.query(`drop schema ${checkedSchema(name)} cascade`);
  }
}

interface Rebuild {
  fresh: DataSource;
  consumer: ProjectionConsumer;
  bounds: Offsets;
}
