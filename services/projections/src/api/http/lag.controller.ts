import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@motcua/platform';
import { PartitionLag, ProjectionLag } from '../../application/projection-lag/projection-lag';

@ApiTags('operations')
@ApiBearerAuth('officer')
@Controller('projections/lag')
export class LagController {
  constructor(private readonly lag: ProjectionLag) {}

  @Get()
  @Roles('OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'Per topic and partition: the offset stored with the read models, the high watermark, and the messages between (also motcua_projection_lag_messages on /metrics)' })
  async read(): Promise<{ partitions: PartitionLag[]; total: number }> {
    const partitions = await this.lag.read();
    return { partitions, total: partitions.reduce((sum, p) => sum + p.lag, 0) };
  }
}
