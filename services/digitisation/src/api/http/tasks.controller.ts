import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, DEFAULT_PAGE_LIMIT, Principal, Roles } from '@motcua/platform';
import { DigitisationTaskList, ListDigitisationTasks, TASKS_CURSOR } from '../../application/list-tasks/list-tasks.query';
import { ListTasksRequest } from './list-tasks.request';

@ApiTags('digitisation')
@Controller('digitisation-tasks')
export class TasksController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'ADMIN')
  @ApiOperation({ summary: "The open scanning tasks of the officer's unit, oldest first, a page at a time (`items`, `next`): paper components and paper results" })
  list(@CurrentPrincipal() officer: Principal, @Query() query: ListTasksRequest): Promise<DigitisationTaskList> {
    const after = query.after === undefined ? undefined : TASKS_CURSOR.decode(query.after);
    return this.queries.execute(new ListDigitisationTasks(officer, query.unit, { after, limit: query.limit ?? DEFAULT_PAGE_LIMIT }));
  }
}
