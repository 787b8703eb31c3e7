import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@motcua/platform';
import { PartitionLag, ProjectionLag } from '../../application/projection-lag/projection-lag';
import { IndicatorTotalsLag } from '../../application/refresh-indicator-totals/totals-lag';

@ApiTags('operations')
@ApiBearerAuth('officer')
@Controller('projections/lag')
export class LagController {
  constructor(
    private readonly lag: ProjectionLag,
    private readonly totals: IndicatorTotalsLag,
  ) {}

  @Get()
  @Roles('OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'Per topic and partition: the offset stored with the read models, the high watermark, and the messages between (also motcua_projection_lag_messages on /metrics); and the dossiers queued for the indicator totals (motcua_indicator_totals_queued_dossiers)' })
  async read(): Promise<{ partitions: PartitionLag[]; total: number; indicatorTotalsQueued: number }> {
    const partitions = await this.lag.read();
    return { partitions, total: partitions.reduce((sum, p) => sum + p.lag, 0), indicatorTotalsQueued: await this.totals.queued() };
  }
}
