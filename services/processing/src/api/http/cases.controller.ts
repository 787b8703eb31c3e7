import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, uuidParam } from '@motcua/platform';
import { AssignCase, CaseAssignment } from '../../application/assign-case/assign-case.command';
import { DeadlineExtension, ExtendDeadline } from '../../application/extend-deadline/extend-deadline.command';
import { CaseView, GetCase } from '../../application/get-case/get-case.query';
import { HandOff, HandOffCase } from '../../application/hand-off-case/hand-off-case.command';
import { ApologyLetter, IssueApology } from '../../application/issue-apology/issue-apology.command';
import { RequestSupplement, SupplementRequest } from '../../application/request-supplement/request-supplement.command';
import { Decision, ResolveCase } from '../../application/resolve-case/resolve-case.command';
import { StopProcessing, Stopped } from '../../application/stop-processing/stop-processing.command';
import { AssignCaseRequest, ReasonRequest, RequestSupplementRequest, StopProcessingRequest } from './case-act.requests';
import { ExtendDeadlineRequest } from './extend-deadline.request';
import { ResolveCaseRequest } from './resolve-case.request';

const dossierIdPipe = uuidParam('dossierId');

/**
 * Officers' work on a handling case. Every act is checked against the agency of the case's
 * current step (ADMIN acts anywhere), and a processing officer's against the step's assignment;
 * refusals write nothing.
 */
@ApiTags('cases')
@ApiBearerAuth('officer')
@ApiParam({ name: 'dossierId', format: 'uuid' })
@ApiResponse({
  status: 403,
  description: "Role not allowed, the current step is at another agency (AUTH.OTHER_UNIT), or a processing officer acting on a step assigned to another officer (CASE.ASSIGNED_TO_ANOTHER)",
})
@ApiResponse({ status: 404, description: 'No case for this dossier (CASE.NOT_FOUND)' })
@Controller('cases/:dossierId')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({
    summary:
      "The case as it stands: status, current step and holder, due date and each change of it (dueChanges), the open pause and the closed ones (pauses), each agency's working time (agencyShares), supplements, apology, outcome",
  })
  get(@Param('dossierId', dossierIdPipe) dossierId: string, @CurrentPrincipal() officer: Principal): Promise<CaseView> {
    return this.queries.execute<GetCase, CaseView>(new GetCase(dossierId, officer));
  }

  @Post('assign')
  @HttpCode(HttpStatus.OK)
  @Roles('LEADER', 'ADMIN')
  @ApiOperation({ summary: 'Give the current step to a department and an officer of its agency' })
  assign(@Param('dossierId', dossierIdPipe) dossierId: string, @Body() body: AssignCaseRequest, @CurrentPrincipal() officer: Principal): Promise<CaseAssignment> {
    return this.commands.execute<AssignCase, CaseAssignment>(new AssignCase(dossierId, officer, body.department, body.officerId));
  }

  @Post('hand-off')
  @HttpCode(HttpStatus.OK)
  @Roles('PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({
    summary: "Hand the case to the procedure's next agency, recording the working time this agency spent (409 CASE.NO_NEXT_AGENCY at the last one, CASE.PAUSED while paused)",
  })
  handOff(@Param('dossierId', dossierIdPipe) dossierId: string, @CurrentPrincipal() officer: Principal): Promise<HandOff> {
    return this.commands.execute<HandOffCase, HandOff>(new HandOffCase(dossierId, officer));
  }

  @Post('supplement-requests')
  @Roles('PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: 'Ask for everything missing in one request; the clock stops until the desk records the answer' })
  requestSupplement(@Param('dossierId', dossierIdPipe) dossierId: string, @Body() body: RequestSupplementRequest, @CurrentPrincipal() officer: Principal): Promise<SupplementRequest> {
    return this.commands.execute<RequestSupplement, SupplementRequest>(new RequestSupplement(dossierId, officer, body.missing));
  }

  @Post('extensions')
  @Roles('LEADER', 'ADMIN')
  @ApiOperation({ summary: 'Approve more working time; refused at or after the due date (422 CASE.EXTENSION_AFTER_DUE_DATE)' })
  extend(@Param('dossierId', dossierIdPipe) dossierId: string, @Body() body: ExtendDeadlineRequest, @CurrentPrincipal() officer: Principal): Promise<DeadlineExtension> {
    return this.commands.execute<ExtendDeadline, DeadlineExtension>(new ExtendDeadline(dossierId, officer, { value: body.by.value, unit: body.by.unit }, body.reason));
  }

  @Post('apology')
  @Roles('LEADER', 'ADMIN')
  @ApiOperation({ summary: 'Issue the apology letter with a new appointment (Mẫu 04), once (409 CASE.APOLOGY_ALREADY_ISSUED)' })
  apologise(@Param('dossierId', dossierIdPipe) dossierId: string, @Body() body: ReasonRequest, @CurrentPrincipal() officer: Principal): Promise<ApologyLetter> {
    return this.commands.execute<IssueApology, ApologyLetter>(new IssueApology(dossierId, officer, body.reason));
  }

  @Post('resolve')
  @HttpCode(HttpStatus.OK)
  @Roles('LEADER', 'ADMIN')
  @ApiOperation({
    summary:
      "Decide: APPROVED or DENIED, with the result documents (422 CASE.RESULT_DOCUMENT_REQUIRED when one is missing); records the deciding agency (it issues the result) and its share of the working time (decidingStep)",
  })
  resolve(@Param('dossierId', dossierIdPipe) dossierId: string, @Body() body: ResolveCaseRequest, @CurrentPrincipal() officer: Principal): Promise<Decision> {
    const documents = body.resultDocuments.map((d) => ({ documentId: d.documentId, name: d.name, ...(d.sha256 ? { sha256: d.sha256 } : {}) }));
    return this.commands.execute<ResolveCase, Decision>(new ResolveCase(dossierId, officer, body.outcome, documents));
  }

  @Post('stop')
  @HttpCode(HttpStatus.OK)
  @Roles('LEADER', 'ADMIN')
  @ApiOperation({ summary: 'Stop processing without a decision (dừng xử lý); for non-payment once a payment request expired unpaid' })
  stop(@Param('dossierId', dossierIdPipe) dossierId: string, @Body() body: StopProcessingRequest, @CurrentPrincipal() officer: Principal): Promise<Stopped> {
    return this.commands.execute<StopProcessing, Stopped>(new StopProcessing(dossierId, officer, body.reason, body.ground ?? 'OTHER'));
  }
}
