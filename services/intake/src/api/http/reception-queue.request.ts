import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AFTER_DESCRIPTION, IsPageCursor, PageRequest } from '@motcua/platform';
import { CHANNELS, QUEUE_STATUSES, RECEPTION_QUEUE_CURSOR } from '../../application/list-reception-queue/list-reception-queue.query';
import type { QueueStatus } from '../../application/list-reception-queue/list-reception-queue.query';

export class ReceptionQueueRequest extends PageRequest {
  @ApiPropertyOptional({ description: "Unit code; the officer's own by default (ADMIN must name one)", example: 'H56.22' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9.]{1,40}$/, { message: 'unit must be an administrative unit code' })
  unit?: string;

  @ApiPropertyOptional({
    enum: QUEUE_STATUSES,
    description: 'AWAITING_RECEPTION: to receive, return or reject; RETURNED: returned at reception, waiting for the applicant; AWAITING_SUPPLEMENT: processing asked for a supplement, the desk waits for it. All three by default',
  })
  @IsOptional()
  @IsIn(QUEUE_STATUSES)
  status?: QueueStatus;

  @ApiPropertyOptional({ description: 'Procedure code', example: '1.001612' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,50}$/, { message: 'procedure must be a procedure code' })
  procedure?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: (typeof CHANNELS)[number];

  @ApiPropertyOptional({ minimum: 0, maximum: 3650, description: 'Waiting at least this many whole calendar days in the status' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  minAgeDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 3650, description: 'Waiting at most this many whole calendar days in the status' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  maxAgeDays?: number;

  @ApiPropertyOptional({ description: AFTER_DESCRIPTION })
  @IsOptional()
  @IsPageCursor(RECEPTION_QUEUE_CURSOR)
  after?: string;
}
