import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsIn, IsNumber, IsOptional, IsPositive, IsString, Length, Matches, Max, ValidateNested } from 'class-validator';
import { FeeRequest } from './procedure-fee.request';

const UNIT_CODE = /^[A-Za-z0-9.]{1,40}$/;
/** An instant with its offset (a bare local time would be read in the server's zone). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export class ProcessingTimeRequest {
  @ApiProperty({ example: 10, description: 'Half days allowed (0.5)' })
  @IsPositive()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Max(365)
  value!: number;

  @ApiProperty({ enum: ['WORKING_DAYS', 'WORKING_HOURS'] })
  @IsIn(['WORKING_DAYS', 'WORKING_HOURS'])
  unit!: 'WORKING_DAYS' | 'WORKING_HOURS';
}

export class RequiredDocumentRequest {
  @ApiProperty({ example: 'form', description: 'What a dossier component names to answer this document' })
  @Matches(/^[A-Za-z0-9._-]{1,60}$/, { message: 'id must be a short identifier (letters, digits, . _ -)' })
  id!: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;
}

/** A procedure version as an administrator defines it; the catalogue gives the version number. */
export class ProcedureDefinitionRequest {
  @ApiProperty({ example: '1.001612' })
  @Matches(/^[A-Za-z0-9._-]{1,50}$/, { message: 'code must be a procedure code (letters, digits, . _ -)' })
  code!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @Length(1, 500)
  name!: string;

  @ApiProperty({ maxLength: 200, example: 'Lý lịch tư pháp' })
  @IsString()
  @Length(1, 200)
  field!: string;

  @ApiProperty({ enum: ['PROVINCE', 'DISTRICT', 'COMMUNE'], description: 'Competent unit level (DISTRICT: versions before 1 July 2025 only)' })
  @IsIn(['PROVINCE', 'DISTRICT', 'COMMUNE'])
  level!: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

  @ApiProperty({ enum: ['FULL', 'PARTIAL', 'NONE'] })
  @IsIn(['FULL', 'PARTIAL', 'NONE'])
  serviceLevel!: 'FULL' | 'PARTIAL' | 'NONE';

  @ApiProperty({ type: ProcessingTimeRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => ProcessingTimeRequest)
  processingTime!: ProcessingTimeRequest;

  @ApiProperty({ type: [RequiredDocumentRequest] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RequiredDocumentRequest)
  requiredDocuments!: RequiredDocumentRequest[];

  @ApiProperty({ type: [FeeRequest] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FeeRequest)
  fees!: FeeRequest[];

  @ApiProperty({ description: 'Processing waits for payment' })
  @IsBoolean()
  payFirst!: boolean;

  @ApiProperty()
  @IsBoolean()
  eResultAllowed!: boolean;

  @ApiProperty({ description: 'Whether the procedure returns a document (766 denominators)' })
  @IsBoolean()
  returnsDocument!: boolean;

  @ApiProperty({ enum: ['NONE', 'FULL_ON_WITHDRAWAL', 'FULL_ON_WITHDRAWAL_OR_STOP'] })
  @IsIn(['NONE', 'FULL_ON_WITHDRAWAL', 'FULL_ON_WITHDRAWAL_OR_STOP'])
  refundRule!: 'NONE' | 'FULL_ON_WITHDRAWAL' | 'FULL_ON_WITHDRAWAL_OR_STOP';

  @ApiProperty({ type: [String], description: 'Inter-agency: agencies in processing order; empty: the receiving unit handles it' })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(UNIT_CODE, { each: true, message: 'agencies must be unit codes' })
  agencies!: string[];

  @ApiProperty({ type: [String], description: 'Units that receive dossiers for the procedure' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @Matches(UNIT_CODE, { each: true, message: 'units must be unit codes' })
  units!: string[];

  @ApiProperty({ example: '2025-07-01T00:00:00+07:00', description: 'May be in the future' })
  @Matches(INSTANT, { message: 'effectiveFrom must be an ISO-8601 instant with its offset, e.g. 2025-07-01T00:00:00+07:00' })
  effectiveFrom!: string;

  @ApiPropertyOptional({ description: 'Invented values for demonstration (default false)' })
  @IsOptional()
  @IsBoolean()
  sample?: boolean;
}
