import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { AFTER_DESCRIPTION, IsPageCursor, PageRequest } from '@motcua/platform';
import { RESULTS_CURSOR } from '../../application/list-results/list-results.query';

export const RESULT_STATUSES = ['RESOLVED', 'BLOCKED', 'ISSUED', 'COMPLETED'] as const;

export class ListResultsRequest extends PageRequest {
  @ApiPropertyOptional({ description: "Unit code; an officer's own unit by default (ADMIN: every unit)", example: 'H56.22' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  unit?: string;

  @ApiPropertyOptional({ enum: RESULT_STATUSES, description: 'BLOCKED: e-results not signed because the stored document differs from the decision' })
  @IsOptional()
  @IsIn(RESULT_STATUSES)
  status?: (typeof RESULT_STATUSES)[number];

  @ApiPropertyOptional({ description: AFTER_DESCRIPTION })
  @IsOptional()
  @IsPageCursor(RESULTS_CURSOR)
  after?: string;
}
