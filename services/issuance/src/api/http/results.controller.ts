import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, uuidParam } from '@motcua/platform';
import { DeliverResult, Delivery } from '../../application/deliver-result/deliver-result.command';
import { GetResult, ResultView } from '../../application/get-result/get-result.query';
import { IssuePaperResult, PaperResultIssued } from '../../application/issue-paper-result/issue-paper-result.command';
import { DeliverResultRequest, IssuePaperResultRequest } from './result.requests';

const dossierIdPipe = uuidParam('dossierId');

/** A dossier's result: the e-result and its manifest, a paper result, delivery and completion. */
@ApiTags('results')
@ApiBearerAuth('officer')
@ApiSecurity('portal')
@ApiParam({ name: 'dossierId', format: 'uuid' })
@ApiResponse({ status: 403, description: 'Role not allowed, or the dossier belongs to another unit (AUTH.OTHER_UNIT)' })
@ApiResponse({ status: 404, description: 'No resolution is known for this dossier yet (RESULT.NOT_FOUND)' })
@Controller('results/:dossierId')
export class ResultsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: 'The result: status, the e-result (manifest, signature, key id, document id: the bytes come from digitisation) or the paper result, a blocked issuance, the delivery' })
  get(@Param('dossierId', dossierIdPipe) dossierId: string, @CurrentPrincipal() caller: Principal): Promise<ResultView> {
    return this.queries.execute<GetResult, ResultView>(new GetResult(dossierId, caller));
  }

  @Post('paper')
  @Roles('RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({
    summary:
      'Record the printed result of a procedure without e-results (409 RESULT.ELECTRONIC_EXPECTED where e-results are allowed, RESULT.ALREADY_ISSUED, RESULT.NOTHING_TO_ISSUE for an approval that returns no document)',
  })
  paper(@Param('dossierId', dossierIdPipe) dossierId: string, @Body() body: IssuePaperResultRequest, @CurrentPrincipal() officer: Principal): Promise<PaperResultIssued> {
    return this.commands.execute<IssuePaperResult, PaperResultIssued>(new IssuePaperResult(dossierId, officer, body.documentNumber));
  }

  @Post('deliveries')
  @HttpCode(HttpStatus.CREATED)
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({
    summary:
      'Record the delivery, which completes the dossier: ONLINE by a portal, COUNTER or POSTAL by the desk (409 RESULT.NOT_ISSUED, RESULT.ALREADY_DELIVERED, RESULT.PAPER_NOT_ONLINE; 403 RESULT.DELIVERY_NOT_ALLOWED)',
  })
  deliver(@Param('dossierId', dossierIdPipe) dossierId: string, @Body() body: DeliverResultRequest, @CurrentPrincipal() caller: Principal): Promise<Delivery> {
    return this.commands.execute<DeliverResult, Delivery>(new DeliverResult(dossierId, caller, body.method));
  }
}
