import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { connectKafka } from '@motcua/messaging';
import { CONFIG, ConfigurationError, PlatformModule, ServiceConfig } from '@motcua/platform';
import { BATCH_FAULTS, PROJECTION_KAFKA, ProjectionRuntime } from './api/kafka/projection.runtime';
import { DashboardSite } from './api/http/dashboard-site';
import { LagController } from './api/http/lag.controller';
import { RebuildController } from './api/http/rebuild.controller';
import { StatisticsController } from './api/http/statistics.controller';
import { StreamHealthController } from './api/http/stream-health.controller';
import { TimelineController } from './api/http/timeline.controller';
import { DrillDown } from './application/get-indicators/drill-down.query';
import { GetIndicators } from './application/get-indicators/get-indicators.query';
import { GetTimeline } from './application/get-timeline/get-timeline.query';
import { ProjectionLag } from './application/projection-lag/projection-lag';
import { ProjectionLagMetrics } from './application/projection-lag/projection-lag.metrics';
import { RebuildReadModels } from './application/rebuild/rebuild-read-models';
import { IndicatorTotalsRunner } from './application/refresh-indicator-totals/indicator-totals.runner';
import { IndicatorTotalsLag } from './application/refresh-indicator-totals/totals-lag';
import { ReadStreamHealth } from './application/stream-health/stream-health';
import { projectionEntities } from './database/projections-data-source';
import { ProjectionsDatabaseModule } from './database/projections-database.module';

/** Statistics and lookup read models, built from every topic. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'projections' }), ProjectionsDatabaseModule, TypeOrmModule.forFeature(projectionEntities)],
  controllers: [TimelineController, LagController, RebuildController, StatisticsController, StreamHealthController],
  providers: [
    {
      provide: PROJECTION_KAFKA,
      inject: [CONFIG],
      useFactory: (config: ServiceConfig) => {
        if (!config.KAFKA_BROKERS) throw new ConfigurationError(['KAFKA_BROKERS must be set (comma-separated host:port)']);
        return connectKafka({ brokers: config.KAFKA_BROKERS.split(','), clientId: 'projections' });
      },
    },
    { provide: BATCH_FAULTS, useValue: {} },
    ProjectionRuntime,
    GetTimeline,
    GetIndicators,
    DrillDown,
    ProjectionLag,
    ProjectionLagMetrics,
    RebuildReadModels,
    IndicatorTotalsRunner,
    IndicatorTotalsLag,
    ReadStreamHealth,
    DashboardSite,
  ],
})
export class ProjectionsModule {}
