import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, ValidationFailedError } from '@motcua/platform';
import { DigitisationTask, ListDigitisationTasks } from '../../application/list-tasks/list-tasks.query';

@ApiTags('digitisation')
@Controller('digitisation-tasks')
export class TasksController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'ADMIN')
  @ApiOperation({ summary: "The open scanning tasks of the officer's unit, oldest first: paper components and paper results" })
  @ApiQuery({ name: 'unit', required: false, description: 'ADMIN only: the unit to list' })
  list(@CurrentPrincipal() officer: Principal, @Query('unit') unit?: string): Promise<{ unit: string; tasks: DigitisationTask[] }> {
    if (unit !== undefined && !/^[A-Za-z0-9.]{1,40}$/.test(unit)) throw new ValidationFailedError([{ field: 'unit', message: 'unit must be an administrative unit code' }]);
    return this.queries.execute(new ListDigitisationTasks(officer, unit));
  }
}
