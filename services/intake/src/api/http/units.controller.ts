import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, Roles, ValidationFailedError } from '@motcua/platform';
import { ListUnits, ViewUnit } from '../../application/browse-catalogue/catalogue.queries';
import type { ListedUnit } from '../../application/catalogue/unit-directory';
import { RegisterUnit } from '../../application/register-unit/register-unit.handler';
import type { AdministrativeUnit } from '../../domain/catalogue/administrative-unit';
import { ListUnitsQuery, RegisterUnitRequest } from './catalogue.requests';

const instant = (value: string) => new Date(value).toISOString();

/** Administrative units and agencies: who receives and who handles procedures. Everyone reads them; administrators register them. */
@ApiTags('catalogue')
@Controller('catalogue/units')
export class UnitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Register a unit or agency (published as UnitRegistered); a merged unit names those it succeeds' })
  register(@Body() body: RegisterUnitRequest): Promise<AdministrativeUnit> {
    const { validTo, parent, successorOf = [], sample = false, ...rest } = body;
    return this.commands.execute(
      new RegisterUnit({ ...rest, successorOf, sample, validFrom: instant(body.validFrom), ...(parent ? { parent } : {}), ...(validTo ? { validTo: instant(validTo) } : {}) }),
    );
  }

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Registered units, by level, parent, name, existing at an instant, or taking over a unit; each with its successors (the units it was merged into)' })
  list(@Query() query: ListUnitsQuery): Promise<ListedUnit[]> {
    return this.queries.execute(new ListUnits({ ...query, existingAt: query.existingAt ? new Date(query.existingAt) : undefined }));
  }

  @Get(':code')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'One unit with its predecessors (successorOf) and successors: where a merged commune or a closed district now sends applicants' })
  view(@Param('code') code: string): Promise<ListedUnit> {
    if (!/^[A-Za-z0-9.]{1,40}$/.test(code)) throw new ValidationFailedError([{ field: 'code', message: 'must be a unit code (letters, digits and .)' }]);
    return this.queries.execute(new ViewUnit(code));
  }
}
