import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { BulkUpload, ROLES, Roles, ValidationFailedError } from '@motcua/platform';
import { ListProcedures, ViewProcedure } from '../../application/browse-catalogue/catalogue.queries';
import { decodeCursor } from '../../application/catalogue/catalogue-cursor';
import type { ProcedureDetail, ProcedurePage } from '../../application/catalogue/procedure-queries';
import { DefineProcedure } from '../../application/define-procedure/define-procedure.handler';
import { ImportProcedures, ImportResult } from '../../application/import-procedures/import-procedures.command';
import { RetireProcedure, Retirement } from '../../application/retire-procedure/retire-procedure.handler';
import type { ProcedureVersion } from '../../domain/catalogue/procedure';
import { ListProceduresQuery, RetireProcedureRequest } from './catalogue.requests';
import { toDefinition } from './procedure-definition.mapping';
import { ProcedureDefinitionRequest } from './procedure-definition.request';
import { readImportBody } from './procedure-import/import-body';

const PROCEDURE_CODE = /^[A-Za-z0-9._-]{1,50}$/;

/**
 * Administrators keep the procedure catalogue; every change is an event on the catalogue topic.
 * Everyone reads it: portals show applicants what to bring and what it costs before they submit,
 * and every officer role works from it.
 */
@ApiTags('catalogue')
@ApiExtraModels(ProcedureDefinitionRequest)
@Controller('catalogue/procedures')
export class ProceduresController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: "Define a procedure's next version (1 for a new procedure), in force from effectiveFrom" })
  define(@Body() body: ProcedureDefinitionRequest): Promise<ProcedureVersion> {
    return this.commands.execute(new DefineProcedure(toDefinition(body)));
  }

  @Post('import')
  @Roles('ADMIN')
  @HttpCode(HttpStatus.OK)
  @BulkUpload({ maxBytes: 20 * 1024 * 1024 })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    description: 'A JSON array of procedure definitions, or CSV (columns in docs/catalogue-import.md). Up to 20 MB; all rows or none.',
    schema: { oneOf: [{ type: 'array', items: { $ref: getSchemaPath(ProcedureDefinitionRequest) } }, { type: 'string' }] },
  })
  @ApiOperation({ summary: 'Import procedure versions in bulk: 422 listing every bad row by line, writing nothing, or every row in one transaction' })
  import(@Body() body: unknown): Promise<ImportResult> {
    const { rows, rejected } = readImportBody(body);
    return this.commands.execute(new ImportProcedures(rows, rejected));
  }

  @Post(':code/retire')
  @Roles('ADMIN')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Retire a procedure: no version is in force from retiredAt (default now) on' })
  retire(@Param('code') code: string, @Body() body: RetireProcedureRequest): Promise<Retirement> {
    return this.commands.execute(new RetireProcedure(checkCode(code), body.retiredAt));
  }

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary:
      'Procedures found by their latest version (filters, search with or without Vietnamese marks), paged by page or by `after`, each with the terms in force now and any scheduled: documents, fees at the counter and online, processing time, e-result',
  })
  list(@Query() query: ListProceduresQuery): Promise<ProcedurePage> {
    const { page, pageSize = 50, sort = 'code', after, ...filter } = query;
    if (after !== undefined && page !== undefined && page !== 1) throw new ValidationFailedError([{ field: 'page', message: 'page cannot be combined with after' }]);
    return this.queries.execute(new ListProcedures({ ...filter, sort, after: after === undefined ? undefined : decodeCursor(after), page: page ?? 1, pageSize }));
  }

  @Get(':code')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Every version of a procedure, which is in force now, and the terms in force now and scheduled' })
  view(@Param('code') code: string): Promise<ProcedureDetail> {
    return this.queries.execute(new ViewProcedure(checkCode(code)));
  }
}

function checkCode(code: string): string {
  if (!PROCEDURE_CODE.test(code)) throw new ValidationFailedError([{ field: 'code', message: 'must be a procedure code (letters, digits, . _ -)' }]);
  return code;
}
