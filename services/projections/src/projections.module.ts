import { Module } from '@nestjs/common';
import { connectKafka } from '@motcua/messaging';
import { CONFIG, ConfigurationError, PlatformModule, ServiceConfig } from '@motcua/platform';
import { BATCH_FAULTS, PROJECTION_KAFKA, ProjectionRuntime } from './api/kafka/projection.runtime';
import { ProjectionsDatabaseModule } from './database/projections-database.module';

/** Statistics and lookup read models, built from every topic. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'projections' }), ProjectionsDatabaseModule],
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
  ],
})
export class ProjectionsModule {}
