import { Module } from '@nestjs/common';
import { PlatformModule } from '@motcua/platform';
import { UnitStatusController } from './api/http/unit-status.controller';

/**
 * The operations service. For now it proves the platform end to end (health, metrics, docs,
 * authentication with role and unit checks); the tail-and-replay tools will live here.
 */
@Module({
  imports: [PlatformModule.forRoot({ service: 'ops' })],
  controllers: [UnitStatusController],
})
export class OpsModule {}
