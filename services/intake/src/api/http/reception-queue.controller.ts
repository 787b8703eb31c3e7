import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, DEFAULT_PAGE_LIMIT, Principal, Roles } from '@motcua/platform';
import { ListReceptionQueue, RECEPTION_QUEUE_CURSOR, ReceptionQueue } from '../../application/list-reception-queue/list-reception-queue.query';
import { ReceptionQueueRequest } from './reception-queue.request';

/** The one-stop desk's queue: dossiers waiting for reception, for a supplement, or returned. */
@ApiTags('desk')
@ApiBearerAuth('officer')
@Controller('reception-queue')
export class ReceptionQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: "A unit's dossiers waiting at its desk, oldest first, a page at a time (`items`, `next`), by status, procedure, channel and age in days" })
  @ApiResponse({ status: 403, description: 'Another unit (AUTH.OTHER_UNIT), or a role other than RECEPTION_OFFICER and ADMIN' })
  list(@Query() query: ReceptionQueueRequest, @CurrentPrincipal() officer: Principal): Promise<ReceptionQueue> {
    const after = query.after === undefined ? undefined : RECEPTION_QUEUE_CURSOR.decode(query.after);
    const { unit, status, procedure, channel, minAgeDays, maxAgeDays } = query;
    return this.queries.execute<ListReceptionQueue, ReceptionQueue>(
      new ListReceptionQueue(officer, { unit, status, procedure, channel, minAgeDays, maxAgeDays, after, limit: query.limit ?? DEFAULT_PAGE_LIMIT }),
    );
  }
}
