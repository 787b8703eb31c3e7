import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { INSTANT, instantMessage, RegisterUnitRequest, UNIT_CODE } from './catalogue.requests';

export class MergerRequest {
  @ApiProperty({ example: '16279', description: 'The unit that carries the merged units on: registered already, or in `register` of this request' })
  @Matches(UNIT_CODE, { message: 'successor must be a unit code (letters, digits and .)' })
  successor: string;

  @ApiProperty({ type: [String], example: ['16276', '16282'], description: 'The units that cease and are merged into the successor' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(UNIT_CODE, { each: true, message: 'merged must be unit codes' })
  merged: string[];
}

export class RecordReorganisationRequest {
  @ApiProperty({ example: 'TH-2025-07', description: 'The reorganisation\'s own id (e.g. the resolution\'s number): recording the same id twice is refused' })
  @Matches(/^[A-Za-z0-9._-]{1,60}$/, { message: 'id must be 1 to 60 letters, digits, dots, dashes or underscores' })
  id: string;

  @ApiProperty({ example: '2025-07-01T00:00:00+07:00', description: 'From then the merged units cease: submissions naming them are refused, and their dossiers in flight move to the successors' })
  @Matches(INSTANT, { message: instantMessage('effectiveAt') })
  effectiveAt: string;

  @ApiProperty({ example: '2025-07-31T00:00:00+07:00', description: "Until then the merged units' officers may still act on the dossiers moved to the successor" })
  @Matches(INSTANT, { message: instantMessage('transitionEndsAt') })
  transitionEndsAt: string;

  @ApiProperty({ type: [MergerRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => MergerRequest)
  mergers: MergerRequest[];

  @ApiPropertyOptional({ type: [String], enum: ['DISTRICT', 'COMMUNE', 'PROVINCE'], description: 'Levels that cease with it (DISTRICT on 1 July 2025): every unit of the level must then be merged' })
  @IsOptional()
  @IsArray()
  @IsIn(['DISTRICT', 'COMMUNE', 'PROVINCE'], { each: true })
  abolishedLevels?: ('DISTRICT' | 'COMMUNE' | 'PROVINCE')[];

  @ApiPropertyOptional({ type: [RegisterUnitRequest], description: 'New successor units registered with the reorganisation (e.g. a new commune), all or nothing with it' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RegisterUnitRequest)
  register?: RegisterUnitRequest[];

  @ApiPropertyOptional({ description: 'Only answer what would move (dossiers per unit and state); nothing is recorded' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
