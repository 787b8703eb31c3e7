import { Body, Controller, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Idempotent, optionalIdempotencyKey, Principal, replied, requireIdempotencyKey, RETRY_KEY, Roles, uuidParam } from '@motcua/platform';
import { ReceiptSlip, ReceiveDossier } from '../../application/receive-dossier/receive-dossier.command';
import { RegisterAtDesk } from '../../application/register-at-desk/register-at-desk.command';
import { DossierRejected, RejectDossier } from '../../application/reject-dossier/reject-dossier.handler';
import { ReturnedForSupplement, ReturnForSupplement } from '../../application/return-for-supplement/return-for-supplement.handler';
import { RejectDossierRequest, ReturnForSupplementRequest } from './desk-decision.request';
import { RegisterAtDeskRequest } from './desk.requests';


/** The reception officers' acts, each on a dossier of their own unit. */
@ApiTags('desk')
@Controller('dossiers')
export class DeskController {
  constructor(private readonly commands: CommandBus) {}

  @Post('at-desk')
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Register a counter or postal dossier: submitted and received in one act, receipt slip (Mẫu 01) returned' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  async register(
    @Body() body: RegisterAtDeskRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() officer: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReceiptSlip> {
    const { channel, ...request } = body;
    const { response, replayed } = await this.commands.execute<RegisterAtDesk, Idempotent<ReceiptSlip>>(
      new RegisterAtDesk(officer, requireIdempotencyKey(key), channel, request),
    );
    void reply.status(replayed ? HttpStatus.OK : HttpStatus.CREATED).header('idempotent-replayed', String(replayed));
    return response;
  }

  @Post(':dossierId/receive')
  @HttpCode(HttpStatus.OK)
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Receive a submitted dossier at its unit: starts the legal clock and returns the receipt slip (Mẫu 01)' })
  @ApiHeader(RETRY_KEY)
  async receive(
    @Param('dossierId', uuidParam('dossierId')) dossierId: string,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() officer: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReceiptSlip> {
    return replied(reply, await this.commands.execute<ReceiveDossier, Idempotent<ReceiptSlip>>(new ReceiveDossier(dossierId, officer, optionalIdempotencyKey(key))));
  }

  @Post(':dossierId/reject')
  @HttpCode(HttpStatus.OK)
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Refuse a submitted dossier with the reason (Mẫu 03)' })
  @ApiHeader(RETRY_KEY)
  async reject(
    @Param('dossierId', uuidParam('dossierId')) dossierId: string,
    @Body() body: RejectDossierRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() officer: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DossierRejected> {
    return replied(reply, await this.commands.execute<RejectDossier, Idempotent<DossierRejected>>(new RejectDossier(dossierId, officer, body.reason, optionalIdempotencyKey(key))));
  }

  @Post(':dossierId/return-for-supplement')
  @HttpCode(HttpStatus.OK)
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Return a submitted dossier listing everything missing (Mẫu 02)' })
  @ApiHeader(RETRY_KEY)
  async returnForSupplement(
    @Param('dossierId', uuidParam('dossierId')) dossierId: string,
    @Body() body: ReturnForSupplementRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() officer: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReturnedForSupplement> {
    return replied(reply, await this.commands.execute<ReturnForSupplement, Idempotent<ReturnedForSupplement>>(new ReturnForSupplement(dossierId, officer, body.missing, optionalIdempotencyKey(key))));
  }
}
