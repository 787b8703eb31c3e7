import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, DEFAULT_PAGE_LIMIT, Principal, Roles } from '@motcua/platform';
import { ListWork, WORK_LIST_CURSOR, WorkList } from '../../application/list-work/list-work.query';
import { ListWorkRequest } from './list-work.request';

/** The officers' work list: open and paused cases of an agency, most urgent first. */
@ApiTags('cases')
@ApiBearerAuth('officer')
@Controller('cases')
export class WorkListController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({
    summary:
      "An agency's open cases, earliest due first, a page at a time (`items`, `next`): due date, office time left (workingMinutesLeft), dueSoon and overdue, the pause and its reason, the assignee. `assignee=me` for an officer's own cases",
  })
  @ApiResponse({ status: 403, description: 'Another agency (AUTH.OTHER_UNIT), or a processing officer asking for another officer’s cases (AUTH.OTHER_OFFICER)' })
  list(@Query() query: ListWorkRequest, @CurrentPrincipal() officer: Principal): Promise<WorkList> {
    const after = query.after === undefined ? undefined : WORK_LIST_CURSOR.decode(query.after);
    const { agency, assignee, status, procedure, flag } = query;
    return this.queries.execute<ListWork, WorkList>(new ListWork(officer, { agency, assignee, status, procedure, flag, after, limit: query.limit ?? DEFAULT_PAGE_LIMIT }));
  }
}
