import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, isUUID, Length, Max, Min, ValidateBy } from 'class-validator';

export const RESULT_STATUSES = ['RESOLVED', 'BLOCKED', 'ISSUED', 'COMPLETED'] as const;

/**
 * `next` of a previous page: `<resolvedAt>~<dossierId>`. Both halves are checked as the query casts
 * them (an instant PostgreSQL takes, a UUID), so a mangled cursor is a 400, not a database error.
 */
function isPageCursor(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const [resolvedAt, dossierId, ...rest] = value.split('~');
  const time = new Date(resolvedAt);
  // The round trip refuses what Date would roll over (month 13, hour 99); PostgreSQL reads years
  // 1 to 9999 in this form (no year 0, no six-digit years).
  const year = time.getUTCFullYear();
  return rest.length === 0 && isUUID(dossierId) && !Number.isNaN(year) && year >= 1 && year <= 9999 && time.toISOString() === resolvedAt;
}

const IsPageCursor = () => ValidateBy({ name: 'isPageCursor', validator: { validate: isPageCursor, defaultMessage: () => 'after must be the next value of a previous page' } });

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
  @IsPageCursor()
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
