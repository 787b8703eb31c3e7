import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class EchoNoteRequest {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text!: string;

  @ApiProperty({ enum: ['INFO', 'WARNING'] })
  @IsIn(['INFO', 'WARNING'])
  severity!: 'INFO' | 'WARNING';
}
