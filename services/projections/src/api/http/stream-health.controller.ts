import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@motcua/platform';
import { ReadStreamHealth } from '../../application/stream-health/stream-health';
import { StreamHealthView } from './stream-health.views';

/** The dashboard's stream panel: what GET /projections/lag and /metrics tell operators, for the statistics roles too (no dossier in it). */
@ApiTags('operations')
@ApiBearerAuth('officer')
@Controller('projections/stream-health')
export class StreamHealthController {
  constructor(private readonly health: ReadStreamHealth) {}

  @Get()
  @Roles('ANALYST', 'LEADER', 'OPERATOR', 'ADMIN')
  @ApiOperation({
    summary:
      "This instance's consumer counters since start (applied, batches, dead-lettered, ignored), messages not yet in the read models per topic, messages on this group's dead-letter topics, and dossiers queued for the indicator totals; lag and dead letters are null while Kafka does not answer",
  })
  @ApiOkResponse({ type: StreamHealthView })
  @ApiResponse({ status: 403, description: 'Not ANALYST, LEADER, OPERATOR or ADMIN' })
  read(): Promise<StreamHealthView> {
    return this.health.read();
  }
}
