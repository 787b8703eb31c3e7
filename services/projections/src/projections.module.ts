import { Module } from '@nestjs/common';
import { PlatformModule } from '@motcua/platform';
import { ProjectionsDatabaseModule } from './database/projections-database.module';

/** Statistics and lookup read models, built from every topic. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'projections' }), ProjectionsDatabaseModule],
})
export class ProjectionsModule {}
