import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNumber, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

export class DurationRequest {
  @ApiProperty({ example: 3, description: 'Half a working day is 0.5' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(365)
  value!: number;

  @ApiProperty({ enum: ['WORKING_DAYS', 'WORKING_HOURS'] })
  @IsIn(['WORKING_DAYS', 'WORKING_HOURS'])
  unit!: 'WORKING_DAYS' | 'WORKING_HOURS';
}

export class ExtendDeadlineRequest {
  @ApiProperty({ type: DurationRequest, description: 'Working time added to the due date' })
  @IsDefined()
  @ValidateNested()
  @Type(() => DurationRequest)
  by!: DurationRequest;

  @ApiProperty({ maxLength: 2000, example: 'Cần xác minh thực địa' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
