import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiFormPdf, positiveIntParam, sendFormPdf } from '@motcua/forms';
import { CurrentPrincipal, Principal, Roles, uuidParam } from '@motcua/platform';
import { DossierForms } from '../../application/dossier-forms/dossier-forms.service';

const dossierIdPipe = uuidParam('dossierId');

/**
 * The desk's one-stop forms of a dossier as printable PDFs, rebuilt from its events: whoever may
 * read the dossier may print them (the portal that submitted it, its unit's officers, ADMIN).
 */
@ApiTags('forms')
@ApiParam({ name: 'dossierId', format: 'uuid' })
@Controller('dossiers/:dossierId/forms')
export class DossierFormsController {
  constructor(private readonly forms: DossierForms) {}

  @Get('receipt.pdf')
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Mẫu 01, the receipt with the appointment date for the result (404 FORM.NOT_FOUND before reception)' })
  @ApiFormPdf('Mẫu 01')
  async receipt(@Param('dossierId', dossierIdPipe) dossierId: string, @CurrentPrincipal() caller: Principal, @Res() reply: FastifyReply): Promise<void> {
    await sendFormPdf(reply, await this.forms.form(dossierId, caller, { form: '01' }));
  }

  @Get('supplement-requests/:sequence.pdf')
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Mẫu 02 of a return at reception, by its number (1 for the first; the return answer gives it)' })
  @ApiParam({ name: 'sequence', schema: { type: 'integer', minimum: 1, example: 1 } })
  @ApiFormPdf('Mẫu 02')
  async supplementRequest(
    @Param('dossierId', dossierIdPipe) dossierId: string,
    @Param('sequence', positiveIntParam('sequence')) sequence: number,
    @CurrentPrincipal() caller: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendFormPdf(reply, await this.forms.form(dossierId, caller, { form: '02', sequence }));
  }

  @Get('refusal.pdf')
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Mẫu 03, the refusal with its reason (404 FORM.NOT_FOUND unless the dossier was refused)' })
  @ApiFormPdf('Mẫu 03')
  async refusal(@Param('dossierId', dossierIdPipe) dossierId: string, @CurrentPrincipal() caller: Principal, @Res() reply: FastifyReply): Promise<void> {
    await sendFormPdf(reply, await this.forms.form(dossierId, caller, { form: '03' }));
  }
}
