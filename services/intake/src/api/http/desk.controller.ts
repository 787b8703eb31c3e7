import { Body, Controller, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles, uuidParam } from '@motcua/platform';
import { ReceiptSlip, ReceiveDossier } from '../../application/receive-dossier/receive-dossier.command';
import { RegisterAtDesk } from '../../application/register-at-desk/register-at-desk.command';
import { RejectDossier } from '../../application/reject-dossier/reject-dossier.handler';
import { ReturnForSupplement } from '../../application/return-for-supplement/return-for-supplement.handler';
import { RejectDossierRequest, ReturnForSupplementRequest } from './desk-decision.request';
import { RegisterAtDeskRequest } from './desk.requests';
import { requireIdempotencyKey } from './idempotency-key';

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
    const { response, replayed } = await this.commands.execute<RegisterAtDesk, { response: ReceiptSlip; replayed: boolean }>(
      new RegisterAtDesk(officer, requireIdempotencyKey(key), channel, request),
    );
    void reply.status(replayed ? HttpStatus.OK : HttpStatus.CREATED).header('idempotent-replayed', String(replayed));
    return response;
  }

  @Post(':dossierId/receive')
  @HttpCode(HttpStatus.OK)
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Receive a submitted dossier at its unit: starts the legal clock and returns the receipt slip (Mẫu 01)' })
  receive(@Param('dossierId', uuidParam('dossierId')) dossierId: string, @CurrentPrincipal() officer: Principal): Promise<ReceiptSlip> {
    return this.commands.execute<ReceiveDossier, ReceiptSlip>(new ReceiveDossier(dossierId, officer));
  }

  @Post(':dossierId/reject')
  @HttpCode(HttpStatus.OK)
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Refuse a submitted dossier with the reason (Mẫu 03)' })
  reject(@Param('dossierId', uuidParam('dossierId')) dossierId: string, @Body() body: RejectDossierRequest, @CurrentPrincipal() officer: Principal) {
    return this.commands.execute(new RejectDossier(dossierId, officer, body.reason));
  }

  @Post(':dossierId/return-for-supplement')
  @HttpCode(HttpStatus.OK)
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Return a submitted dossier listing everything missing (Mẫu 02)' })
  returnForSupplement(@Param('dossierId', uuidParam('dossierId')) dossierId: string, @Body() body: ReturnForSupplementRequest, @CurrentPrincipal() officer: Principal) {
    return this.commands.execute(new ReturnForSupplement(dossierId, officer, body.missing));
  }
}
