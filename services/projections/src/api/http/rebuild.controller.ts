import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@motcua/platform';
import { RebuildReadModels, RebuildReport } from '../../application/rebuild/rebuild-read-models';

@ApiTags('operations')
@ApiBearerAuth('officer')
@Controller('projections/rebuild')
export class RebuildController {
  constructor(private readonly rebuild: RebuildReadModels) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('ADMIN', 'OPERATOR')
  @ApiOperation({ summary: 'Rebuild every read model from the start of the topics into fresh tables while the live ones serve, then swap them in atomically; answers when done, with the per-table checksums' })
  @ApiResponse({ status: 409, description: 'A rebuild is already running on some replica (PROJECTIONS.REBUILD_RUNNING)' })
  run(): Promise<RebuildReport> {
    return this.rebuild.run();
  }
}
