import { Body, Controller, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles, ValidationFailedError } from '@motcua/platform';
import { ReceiptSlip, ReceiveDossier } from '../../application/receive-dossier/receive-dossier.command';
import { RejectDossier } from '../../application/reject-dossier/reject-dossier.handler';
import { ReturnForSupplement } from '../../application/return-for-supplement/return-for-supplement.handler';
import { SubmitDossier, SubmittedDossier } from '../../application/submit-dossier/submit-dossier.command';
import { RejectDossierRequest, ReturnForSupplementRequest } from './desk-decision.request';
import { SubmitDossierRequest } from './submit-dossier.request';

@ApiTags('dossiers')
@Controller('dossiers')
export class DossiersController {
  constructor(private readonly commands: CommandBus) {}

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
    if (!key || !/^[\w-]{8,100}$/.test(key)) {
      throw new ValidationFailedError([{ field: 'Idempotency-Key', message: 'header required: 8 to 100 letters, digits, _ or -' }]);
    }
    const { response, replayed } = await this.commands.execute<SubmitDossier, { response: SubmittedDossier; replayed: boolean }>(
      new SubmitDossier(principal.id, key, body),
    );
    void reply.status(replayed ? HttpStatus.OK : HttpStatus.CREATED).header('idempotent-replayed', String(replayed));
    return response;
  }

  @Post(':dossierId/receive')
  @HttpCode(HttpStatus.OK)
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Receive a submitted dossier at its unit: starts the legal clock and returns the receipt slip (Mẫu 01)' })
  receive(@Param('dossierId', new ParseUUIDPipe()) dossierId: string, @CurrentPrincipal() officer: Principal): Promise<ReceiptSlip> {
    return this.commands.execute<ReceiveDossier, ReceiptSlip>(new ReceiveDossier(dossierId, officer));
  }

  @Post(':dossierId/reject')
  @HttpCode(HttpStatus.OK)
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Refuse a submitted dossier with the reason (Mẫu 03)' })
  reject(@Param('dossierId', new ParseUUIDPipe()) dossierId: string, @Body() body: RejectDossierRequest, @CurrentPrincipal() officer: Principal) {
    return this.commands.execute(new RejectDossier(dossierId, officer, body.reason));
  }

  @Post(':dossierId/return-for-supplement')
  @HttpCode(HttpStatus.OK)
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Return a submitted dossier listing everything missing (Mẫu 02)' })
  returnForSupplement(@Param('dossierId', new ParseUUIDPipe()) dossierId: string, @Body() body: ReturnForSupplementRequest, @CurrentPrincipal() officer: Principal) {
    return this.commands.execute(new ReturnForSupplement(dossierId, officer, body.missing));
  }
}
