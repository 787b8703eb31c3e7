import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export const RESULT_STATUSES = ['RESOLVED', 'BLOCKED', 'ISSUED', 'COMPLETED'] as const;

export class ListResultsRequest {
  @ApiPropertyOptional({ description: "Unit code; an officer's own unit by default (ADMIN: every unit)", example: 'H56.22' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  unit?: string;

  @ApiPropertyOptional({ enum: RESULT_STATUSES, description: 'BLOCKED: e-results not signed because the stored document differs from the decision' })
  @IsOptional()
  @IsIn(RESULT_STATUSES)
  status?: (typeof RESULT_STATUSES)[number];

  @ApiPropertyOptional({ description: 'The `next` of the previous page' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z~[0-9a-f-]{36}$/, { message: 'after must be the next value of a previous page' })
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
