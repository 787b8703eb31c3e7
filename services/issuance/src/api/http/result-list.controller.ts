import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, DEFAULT_PAGE_LIMIT, Principal, Roles } from '@motcua/platform';
import { ListResults, ResultList, RESULTS_CURSOR } from '../../application/list-results/list-results.query';
import { ListResultsRequest } from './list-results.request';

/** Officers' worklist of results, e.g. the issuances blocked on a document that differs from the decision. */
@ApiTags('results')
@ApiBearerAuth('officer')
@Controller('results')
export class ResultListController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: "A unit's results, newest decision first, by status: those it issues as the deciding agency and those it hands over as the receiving unit (403 AUTH.OTHER_UNIT for another unit)" })
  list(@Query() query: ListResultsRequest, @CurrentPrincipal() officer: Principal): Promise<ResultList> {
    const keys = query.after === undefined ? undefined : RESULTS_CURSOR.decode(query.after);
    const after = keys && { resolvedAt: keys[0], dossierId: keys[1] };
    return this.queries.execute<ListResults, ResultList>(
      new ListResults(officer, { unit: query.unit, status: query.status, after, limit: query.limit ?? DEFAULT_PAGE_LIMIT }),
    );
  }
}
