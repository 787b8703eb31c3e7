import { Inject, Injectable, Logger as NestLogger } from '@nestjs/common';
import { WorkingCalendar } from '@motcua/calendar';
import { fromNestLogger, KafkaPublisher } from '@motcua/messaging';
import { CONFIG, ConflictError, ServiceConfig } from '@motcua/platform';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { PROJECTED_TOPICS, PROJECTION_KAFKA, projectionGroup, ProjectionRuntime } from '../../api/kafka/projection.runtime';
import { ProjectionConsumer } from '../../api/kafka/projection-consumer';
import { migrateUnderLock } from '../../database/migrate-under-lock';
import { projectionsDataSourceOptions } from '../../database/projections-data-source';
import { PROJECTIONS_SCHEMA } from '../../database/projections-schema';
import { BatchProjector, SWITCH_LOCK } from '../project-batch/batch-projector';
import { schemaChecksums } from './schema-checksum';

const REBUILD_SCHEMA = 'projections_rebuild';

export interface RebuildReport {
  /** The schema the previous live tables were moved to, kept for comparison until dropped. */
  retiredSchema: string;
  checksums: Record<string, string>;
}

/**
 * Rebuilds every read model from the start of the topics into a fresh schema while the live one
 * keeps answering, then swaps the two in one transaction. The live consumer pauses so the rebuild
 * can stop at exactly its offsets: the swapped-in tables then hold the same history, and the live
 * consumer resumes from there.
 */
@Injectable()
export class RebuildReadModels {
  private running = false;
  private readonly logger = new NestLogger('projections-rebuild');

  constructor(
    @Inject(CONFIG) private readonly config: ServiceConfig,
    @Inject(PROJECTION_KAFKA) private readonly kafka: Kafka,
    private readonly live: DataSource,
    private readonly runtime: ProjectionRuntime,
  ) {}

  async run(timeoutMs = 30 * 60_000): Promise<RebuildReport> {
    if (this.running) throw new ConflictError('PROJECTIONS.REBUILD_RUNNING', 'A rebuild is already running');
    this.running = true;
    await this.live.query(`drop schema if exists ${REBUILD_SCHEMA} cascade`);
    const fresh = await new DataSource(projectionsDataSourceOptions(this.config.DATABASE_URL, REBUILD_SCHEMA)).initialize();
    const publisher = new KafkaPublisher(this.kafka);
    let consumer: ProjectionConsumer | undefined;
    try {
      await migrateUnderLock(fresh, REBUILD_SCHEMA);
      await this.runtime.consumer.pause();
      const bounds = await this.liveOffsets();
      const projector = new BatchProjector(fresh, REBUILD_SCHEMA, new WorkingCalendar(), {}, bounds);
      const group = `${projectionGroup(this.config)}.rebuild-${Date.now()}`;
      consumer = new ProjectionConsumer(this.kafka, publisher, projector, { group, topics: PROJECTED_TOPICS, logger: fromNestLogger(this.logger), sendDeadLetters: false });
      consumer.startInBackground();
      await this.caughtUp(fresh, bounds, timeoutMs);
      await consumer.stop();
      consumer = undefined;
      return await this.swap(bounds);
    } finally {
      await consumer?.stop();
      await publisher.close();
      await fresh.destroy();
      this.runtime.consumer.resume();
      this.running = false;
    }
  }

  private async liveOffsets(schema = PROJECTIONS_SCHEMA, source: { query: DataSource['query'] } = this.live): Promise<Map<string, bigint>> {
    const rows: { topic: string; partition: number; offset: string }[] = await source.query(`select topic, partition, "offset" from ${schema}.consumed_offsets`);
    return new Map(rows.map((r) => [`${r.topic}|${r.partition}`, BigInt(r.offset)]));
  }

  private async caughtUp(fresh: DataSource, bounds: Map<string, bigint>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reached = await this.liveOffsets(REBUILD_SCHEMA, fresh);
      if ([...bounds].every(([key, bound]) => bound < 0n || (reached.get(key) ?? -1n) >= bound)) return;
      if (Date.now() > deadline) throw new Error('the rebuild did not reach the live offsets in time');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Alone on the switch lock: no batch is between its first and last statement while the names change. */
  private swap(bounds: Map<string, bigint>): Promise<RebuildReport> {
    const retiredSchema = `projections_retired_${Date.now()}`;
    return this.live.transaction(async (manager) => {
      await manager.query(`select pg_advisory_xact_lock(${SWITCH_LOCK})`);
      const now = await this.liveOffsets(PROJECTIONS_SCHEMA, manager);
      const moved = [...now].filter(([key, offset]) => offset !== (bounds.get(key) ?? -1n));
      if (moved.length > 0) throw new ConflictError('PROJECTIONS.LIVE_MOVED', 'Another replica applied events during the rebuild; run it again');
      await manager.query(`alter schema ${PROJECTIONS_SCHEMA} rename to ${retiredSchema}`);
      await manager.query(`alter schema ${REBUILD_SCHEMA} rename to ${PROJECTIONS_SCHEMA}`);
      return { retiredSchema, checksums: await schemaChecksums(manager, PROJECTIONS_SCHEMA) };
    });
  }
}

