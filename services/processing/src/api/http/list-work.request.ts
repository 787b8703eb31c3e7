import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { AFTER_DESCRIPTION, IsPageCursor, PageRequest } from '@motcua/platform';
import { WORK_FLAGS, WORK_LIST_CURSOR } from '../../application/list-work/list-work.query';
import type { WorkFlag } from '../../application/list-work/list-work.query';

export class ListWorkRequest extends PageRequest {
  @ApiPropertyOptional({ description: "Agency (unit code) of the cases' current step; the caller's own by default (ADMIN: every agency)", example: 'H56.22' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9.]{1,40}$/, { message: 'agency must be an administrative unit code' })
  agency?: string;

  @ApiPropertyOptional({
    description: "`me`: the caller's own cases; `none`: cases no officer holds yet; an officer's id (LEADER, ADMIN). A PROCESSING_OFFICER sees their own and the unassigned by default",
    example: 'me',
  })
  @IsOptional()
  @Matches(/^[^\s]{1,100}$/, { message: 'assignee must be me, none or an officer id' })
  assignee?: string;

  @ApiPropertyOptional({ enum: ['OPEN', 'PAUSED'], description: 'PAUSED: waiting for a supplement or a pay-first fee' })
  @IsOptional()
  @IsIn(['OPEN', 'PAUSED'])
  status?: 'OPEN' | 'PAUSED';

  @ApiPropertyOptional({ description: 'Procedure code', example: '1.001612' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,50}$/, { message: 'procedure must be a procedure code' })
  procedure?: string;

  @ApiPropertyOptional({ enum: WORK_FLAGS, description: 'DUE_SOON: at most one working day left; OVERDUE: past the due date (a paused case judged at its pause start)' })
  @IsOptional()
  @IsIn(WORK_FLAGS)
  flag?: WorkFlag;

  @ApiPropertyOptional({ description: AFTER_DESCRIPTION })
  @IsOptional()
  @IsPageCursor(WORK_LIST_CURSOR)
  after?: string;
}
