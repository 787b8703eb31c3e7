import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Idempotent, optionalIdempotencyKey, Principal, replied, RETRY_KEY, Roles, uuidParam } from '@motcua/platform';
import { DeliverResult, Delivery } from '../../application/deliver-result/deliver-result.command';
import { GetResult, ResultView } from '../../application/get-result/get-result.query';
import { IssuePaperResult, PaperResultIssued } from '../../application/issue-paper-result/issue-paper-result.command';
import { ReissueResult } from '../../application/reissue-result/reissue-result.command';
import { SwitchToPaper } from '../../application/switch-to-paper/switch-to-paper.command';
import { DeliverResultRequest, IssuePaperResultRequest, ReissueResultRequest, SwitchToPaperRequest } from './result.requests';

const dossierIdPipe = uuidParam('dossierId');

/**
 * A dossier's result: the e-result and its manifest, a paper result, the ways out of a blocked
 * issuance, delivery and completion. The deciding agency issues; the receiving unit's desk hands
 * over; officers of both read (Decree 61/2018/NĐ-CP).
 */
@ApiTags('results')
@ApiBearerAuth('officer')
@ApiSecurity('portal')
@ApiParam({ name: 'dossierId', format: 'uuid' })
@ApiResponse({ status: 403, description: 'Role not allowed, or the caller is of neither the deciding agency nor the receiving unit, or not of the one the act belongs to (AUTH.OTHER_UNIT)' })
@ApiResponse({ status: 404, description: 'No resolution is known for this dossier yet (RESULT.NOT_FOUND)' })
@Controller('results/:dossierId')
export class ResultsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({
    summary:
      'The result: status, issuer (deciding agency) and unit (receiving desk), the e-result (manifest, signature, key id, document id: the bytes come from digitisation) or the paper result, a blocked issuance, a switch to paper, the delivery, the history of every act. Officers of the deciding agency and of the receiving unit',
  })
  get(@Param('dossierId', dossierIdPipe) dossierId: string, @CurrentPrincipal() caller: Principal): Promise<ResultView> {
    return this.queries.execute<GetResult, ResultView>(new GetResult(dossierId, caller));
  }

  @Post('paper')
  @Roles('PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({
    summary:
      'Officers of the deciding agency record the printed result of a procedure without e-results, or of a result switched to paper (409 RESULT.ELECTRONIC_EXPECTED where an e-result is expected, RESULT.ALREADY_ISSUED, RESULT.NOTHING_TO_ISSUE for an approval that returns no document)',
  })
  @ApiHeader(RETRY_KEY)
  async paper(
    @Param('dossierId', dossierIdPipe) dossierId: string,
    @Body() body: IssuePaperResultRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() officer: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PaperResultIssued> {
    const answer = await this.commands.execute<IssuePaperResult, Idempotent<PaperResultIssued>>(new IssuePaperResult(dossierId, officer, body.documentNumber, optionalIdempotencyKey(key)));
    return replied(reply, answer, { creates: true });
  }

  @Post('reissues')
  @HttpCode(HttpStatus.CREATED)
  @Roles('PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({
    summary:
      'Officers of the deciding agency try a blocked issuance again with a corrected document (uploaded to digitisation first): signed at once if stored with that SHA-256, blocked again if stored with another, else when digitisation reports it; the blocked attempt stays in the history (409 RESULT.NOT_BLOCKED, RESULT.ALREADY_ISSUED)',
  })
  reissue(@Param('dossierId', dossierIdPipe) dossierId: string, @Body() body: ReissueResultRequest, @CurrentPrincipal() officer: Principal): Promise<ResultView> {
    return this.commands.execute<ReissueResult, ResultView>(new ReissueResult(dossierId, officer, body.documentId, body.sha256));
  }

  @Post('switch-to-paper')
  @HttpCode(HttpStatus.OK)
  @Roles('PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({
    summary:
      'Officers of the deciding agency give up the e-result of a blocked or waiting issuance; the printed result is then recorded with POST paper (409 RESULT.ALREADY_PAPER, RESULT.ALREADY_ISSUED, RESULT.NOTHING_TO_ISSUE)',
  })
  switchToPaper(@Param('dossierId', dossierIdPipe) dossierId: string, @Body() body: SwitchToPaperRequest, @CurrentPrincipal() officer: Principal): Promise<ResultView> {
    return this.commands.execute<SwitchToPaper, ResultView>(new SwitchToPaper(dossierId, officer, body.reason));
  }

  @Post('deliveries')
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({
    summary:
      'Record the delivery, which completes the dossier: ONLINE by a portal, COUNTER or POSTAL by the desk of the receiving unit (409 RESULT.NOT_ISSUED, RESULT.ALREADY_DELIVERED, RESULT.PAPER_NOT_ONLINE; 403 RESULT.DELIVERY_NOT_ALLOWED)',
  })
  @ApiHeader(RETRY_KEY)
  async deliver(
    @Param('dossierId', dossierIdPipe) dossierId: string,
    @Body() body: DeliverResultRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() caller: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Delivery> {
    return replied(reply, await this.commands.execute<DeliverResult, Idempotent<Delivery>>(new DeliverResult(dossierId, caller, body.method, optionalIdempotencyKey(key))), { creates: true });
  }
}
