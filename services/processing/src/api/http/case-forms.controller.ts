import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiFormPdf, sendFormPdf } from '@motcua/forms';
import { CurrentPrincipal, Principal, Roles, uuidParam } from '@motcua/platform';
import { CaseForms } from '../../application/case-forms/case-forms.service';

const dossierIdPipe = uuidParam('dossierId');

/** A case's one-stop forms as printable PDFs, rebuilt from its events, for those who may read the case. */
@ApiTags('forms')
@ApiBearerAuth('officer')
@ApiParam({ name: 'dossierId', format: 'uuid' })
@ApiResponse({ status: 403, description: 'Role not allowed, or the current step is at another agency (AUTH.OTHER_UNIT)' })
@Controller('cases/:dossierId/forms')
export class CaseFormsController {
  constructor(private readonly forms: CaseForms) {}

  @Get('supplement-requests/:requestId.pdf')
  @Roles('PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: "Mẫu 02 of a department's supplement request, by the id its answer gave (404 FORM.NOT_FOUND for another id)" })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  @ApiFormPdf('Mẫu 02')
  async supplementRequest(
    @Param('dossierId', dossierIdPipe) dossierId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @CurrentPrincipal() officer: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendFormPdf(reply, await this.forms.form(dossierId, officer, { form: '02', requestId }));
  }

  @Get('apology.pdf')
  @Roles('PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: 'Mẫu 04, the apology letter with the new appointment date (404 FORM.NOT_FOUND while none was issued)' })
  @ApiFormPdf('Mẫu 04')
  async apology(@Param('dossierId', dossierIdPipe) dossierId: string, @CurrentPrincipal() officer: Principal, @Res() reply: FastifyReply): Promise<void> {
    await sendFormPdf(reply, await this.forms.form(dossierId, officer, { form: '04' }));
  }
}
