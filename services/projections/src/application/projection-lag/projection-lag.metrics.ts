import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { METRICS } from '@motcua/platform';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { DossierFactEntity } from '../../projections/dossier-facts/dossier-fact.entity';
import { ProjectionRuntime } from '../../api/kafka/projection.runtime';
import { IndicatorTotalsLag } from '../refresh-indicator-totals/totals-lag';
import { ProjectionLag } from './projection-lag';

/** The lag endpoint's figures as Prometheus gauges, read at each scrape; and the consumer's counts. */
@Injectable()
export class ProjectionLagMetrics implements OnModuleInit {
  constructor(
    @Inject(METRICS) private readonly metrics: { registry: Registry },
    private readonly lag: ProjectionLag,
    private readonly runtime: ProjectionRuntime,
    private readonly totals: IndicatorTotalsLag,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const lag = this.lag;
    const counters = this.runtime.consumer.counters;
    const totals = this.totals;
    new Gauge({
      name: 'motcua_indicator_totals_queued_dossiers',
      help: 'Dossiers whose facts changed and whose indicator totals are not recomputed yet (reports count them live)',
      registers: [this.metrics.registry],
      async collect() {
        const queued = await totals.queued().catch(() => undefined);
        if (queued !== undefined) this.set(queued);
      },
    });
    new Gauge({
      name: 'motcua_projection_lag_messages',
      help: 'Messages on each topic partition not yet in the read models (high watermark less the stored offset)',
      labelNames: ['topic', 'partition'],
      registers: [this.metrics.registry],
      async collect() {
        // A broker that does not answer leaves the last figures rather than failing the whole scrape.
        const partitions = await lag.read().catch(() => []);
        for (const p of partitions) this.set({ topic: p.topic, partition: String(p.partition) }, p.lag);
      },
    });
    const dataSource = this.dataSource;
    // Counting a province's dossiers scans the facts: at most once every 30 s, whatever the scrape rate.
    let byStatus: { at: number; rows: { status: string; n: string }[] } = { at: 0, rows: [] };
    new Gauge({
      name: 'motcua_dossiers',
      help: 'Dossiers by the furthest status the topics show (dossier_facts.status), refreshed at most every 30 s',
      labelNames: ['status'],
      registers: [this.metrics.registry],
      async collect() {
        if (Date.now() - byStatus.at >= 30_000) {
          const rows = await dataSource.createQueryBuilder().select('f.status', 'status').addSelect('count(*)', 'n').from(DossierFactEntity, 'f').groupBy('f.status').getRawMany<{ status: string; n: string }>().catch(() => undefined);
          if (rows) byStatus = { at: Date.now(), rows };
        }
        this.reset();
        for (const row of byStatus.rows) this.set({ status: row.status }, Number(row.n));
      },
    });
    new Gauge({
      name: 'motcua_projection_messages',
      help: 'Messages the projection consumer handled since start, by outcome',
      labelNames: ['outcome'],
      registers: [this.metrics.registry],
      collect() {
        for (const [outcome, value] of Object.entries(counters)) this.set({ outcome }, value);
      },
    });
  }
}
