import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@motcua/platform';
import { ListUnits } from '../../application/browse-catalogue/catalogue.queries';
import { RegisterUnit } from '../../application/register-unit/register-unit.handler';
import type { AdministrativeUnit } from '../../domain/catalogue/administrative-unit';
import { ListUnitsQuery, RegisterUnitRequest } from './catalogue.requests';

const instant = (value: string) => new Date(value).toISOString();

/** Administrative units and agencies: who receives and who handles procedures. */
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
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Registered units, by level, parent, or existing at an instant' })
  list(@Query() query: ListUnitsQuery): Promise<AdministrativeUnit[]> {
    return this.queries.execute(new ListUnits({ ...query, existingAt: query.existingAt ? new Date(query.existingAt) : undefined }));
  }
}
