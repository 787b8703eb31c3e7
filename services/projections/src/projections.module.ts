import { Module } from '@nestjs/common';
import { PlatformModule } from '@motcua/platform';

/** Statistics and lookup read models, built from every topic. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'projections' })],
})
export class ProjectionsModule {}
