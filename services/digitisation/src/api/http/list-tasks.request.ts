import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AFTER_DESCRIPTION, IsPageCursor, PageRequest } from '@motcua/platform';
import { TASKS_CURSOR } from '../../application/list-tasks/list-tasks.query';

export class ListTasksRequest extends PageRequest {
  @ApiPropertyOptional({ description: "ADMIN only: the unit to list (other officers always see their own unit's)", example: 'H56.22' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9.]{1,40}$/, { message: 'unit must be an administrative unit code' })
  unit?: string;

  @ApiPropertyOptional({ description: AFTER_DESCRIPTION })
  @IsOptional()
  @IsPageCursor(TASKS_CURSOR)
  after?: string;
}
