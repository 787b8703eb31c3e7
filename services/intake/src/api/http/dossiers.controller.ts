import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Idempotent, optionalIdempotencyKey, Principal, replied, requireIdempotencyKey, RETRY_KEY, Roles, uuidParam } from '@motcua/platform';
import { ProvideSupplement, SupplementReceipt } from '../../application/provide-supplement/provide-supplement.handler';
import { SubmitDossier, SubmittedDossier } from '../../application/submit-dossier/submit-dossier.command';
import { DossierView, ViewDossier } from '../../application/view-dossier/view-dossier.query';
import { DossierWithdrawn, WithdrawDossier } from '../../application/withdraw-dossier/withdraw-dossier.handler';
import { ProvideSupplementRequest, WithdrawDossierRequest } from './desk.requests';
import { SubmitDossierRequest } from './submit-dossier.request';

/** The applicant's side of the desk: portals submit, look up, supplement and withdraw; officers too. */
@ApiTags('dossiers')
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('PORTAL')
  @ApiOperation({ summary: 'Submit a dossier online (portals). Repeat with the same Idempotency-Key to get the same answer.' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  async submit(
    @Body() body: SubmitDossierRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmittedDossier> {
    const { response, replayed } = await this.commands.execute<SubmitDossier, { response: SubmittedDossier; replayed: boolean }>(
      new SubmitDossier(principal.id, requireIdempotencyKey(key), body),
    );
    void reply.status(replayed ? HttpStatus.OK : HttpStatus.CREATED).header('idempotent-replayed', String(replayed));
    return response;
  }

  @Get(':dossierId')
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: "The desk's view of a dossier: status, every component with the submission or supplement that brought it, the supplements, a department's pending supplement request" })
  view(@Param('dossierId', uuidParam('dossierId')) dossierId: string, @CurrentPrincipal() caller: Principal): Promise<DossierView> {
    return this.queries.execute<ViewDossier, DossierView>(new ViewDossier(dossierId, caller));
  }

  @Post(':dossierId/supplements')
  @HttpCode(HttpStatus.OK)
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: "The applicant's documents: answer a return at reception (Mẫu 02) or a department's request; a repeat is 409 unless it names the first one's Idempotency-Key" })
  @ApiHeader(RETRY_KEY)
  async supplement(
    @Param('dossierId', uuidParam('dossierId')) dossierId: string,
    @Body() body: ProvideSupplementRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() caller: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SupplementReceipt> {
    return replied(reply, await this.commands.execute<ProvideSupplement, Idempotent<SupplementReceipt>>(new ProvideSupplement(dossierId, caller, body.components, optionalIdempotencyKey(key))));
  }

  @Post(':dossierId/withdraw')
  @HttpCode(HttpStatus.OK)
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Withdraw the dossier at the applicant’s request, any time before it is decided; a repeat is 409 unless it names the first one’s Idempotency-Key' })
  @ApiHeader(RETRY_KEY)
  async withdraw(
    @Param('dossierId', uuidParam('dossierId')) dossierId: string,
    @Body() body: WithdrawDossierRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() caller: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DossierWithdrawn> {
    return replied(reply, await this.commands.execute<WithdrawDossier, Idempotent<DossierWithdrawn>>(new WithdrawDossier(dossierId, caller, body.reason, optionalIdempotencyKey(key))));
  }
}
