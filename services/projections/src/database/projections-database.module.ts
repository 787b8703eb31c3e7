import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CONFIG, ServiceConfig } from '@motcua/platform';
import { DataSource } from 'typeorm';
import { migrateUnderLock } from './migrate-under-lock';
import { projectionsDataSourceOptions } from './projections-data-source';
import { PROJECTIONS_SCHEMA } from './projections-schema';

/** The read models' TypeORM data source; their migrations run before the application serves or consumes. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: ServiceConfig) => projectionsDataSourceOptions(config.DATABASE_URL),
    }),
  ],
})
export class ProjectionsDatabaseModule implements OnModuleInit {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await migrateUnderLock(this.dataSource, PROJECTIONS_SCHEMA);
  }
}
