import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PROJECTIONS_SCHEMA } from '../../database/projections-schema';
import { SWITCH_LOCK } from '../project-batch/batch-projector';
import { drainIndicatorTotals, TOTALS_LOCK } from './drain-indicator-totals';

/** Dossiers per drain transaction: a few hundred keeps each transaction short beside the projection batches. */
const BATCH = 500;
/** Real time between looks at an empty queue (the queue only delays the totals, never changes an answer). */
const IDLE_MS = 1000;

/**
 * Keeps the indicator totals up with the facts: drains the dirty-dossier queue a batch per
 * transaction, back to back while there is work, then every second. One replica drains at a
 * time (a transaction-scoped advisory lock, tried, never waited for); a batch holds the schema
 * switch lock shared, as projection batches do, so a rebuild's switch never cuts one in two.
 */
@Injectable()
export class IndicatorTotalsRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('indicator-totals');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One batch, if this replica holds the lock: how many dossiers it drained. */
  drainOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ mine }] = (await manager.query(`select pg_try_advisory_xact_lock(${TOTALS_LOCK}) as mine`)) as { mine: boolean }[];
      if (!mine) return 0;
      await manager.query(`select pg_advisory_xact_lock_shared(${SWITCH_LOCK})`);
      await manager.query(`set local search_path to ${PROJECTIONS_SCHEMA}`);
      await manager.query(`set local jit = off`);
      return drainIndicatorTotals(manager, BATCH);
    });
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drainOnce()
        .then((drained) => this.schedule(drained === BATCH ? 0 : IDLE_MS))
        .catch((error: unknown) => {
          // A database outage or a deadlock with a projection batch: the queue stays, the next try redoes the batch.
          this.logger.warn(`indicator totals drain failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
          this.schedule(IDLE_MS);
        });
    }, delay);
  }
}
