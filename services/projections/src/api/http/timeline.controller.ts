import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@motcua/platform';
import { DossierTimelineView } from '../../application/get-timeline/dossier-timeline.view';
import { GetTimeline } from '../../application/get-timeline/get-timeline.query';
import { DossierCodePipe } from './dossier-code.pipe';

@ApiTags('dossiers')
@ApiBearerAuth('officer')
@ApiSecurity('portal')
@Controller('dossiers/by-code/:code')
export class TimelineController {
  constructor(private readonly timeline: GetTimeline) {}

  @Get('timeline')
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: "A dossier's status, due date and each step with its time, by the code the applicant holds" })
  @ApiParam({ name: 'code', example: 'H56.22-250106-0042' })
  @ApiOkResponse({ type: DossierTimelineView })
  @ApiResponse({ status: 400, description: 'The code is not a dossier code (REQUEST.INVALID, field code)' })
  @ApiResponse({ status: 403, description: 'An officer of a unit the dossier never passed through (AUTH.OTHER_UNIT)' })
  @ApiResponse({ status: 404, description: 'No dossier is known by this code (DOSSIER.NOT_FOUND)' })
  get(@Param('code', new DossierCodePipe()) code: string, @CurrentPrincipal() caller: Principal): Promise<DossierTimelineView> {
    return this.timeline.byCode(code, caller);
  }
}
