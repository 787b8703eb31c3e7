import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { decodeCursor, PROCEDURE_SORTS, ProcedureSort } from '../../application/catalogue/catalogue-cursor';

export const UNIT_CODE = /^[A-Za-z0-9.]{1,40}$/;
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const instantMessage = (field: string) => `${field} must be an ISO-8601 instant with its offset, e.g. 2025-07-01T00:00:00+07:00`;

/** `true` / `false` in a query string; anything else is left as written for IsBoolean to name. */
const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

const IsCatalogueCursor = () =>
  ValidateBy({ name: 'isCatalogueCursor', validator: { validate: (value) => typeof value === 'string' && decodeCursor(value) !== undefined, defaultMessage: () => 'after must be the next value of a previous page' } });

export class RetireProcedureRequest {
  @ApiPropertyOptional({ description: 'When the procedure stops being in force (default: now)' })
  @IsOptional()
  @Matches(INSTANT, { message: instantMessage('retiredAt') })
  retiredAt?: string;
}

export class OfficePeriodRequest {
  @ApiProperty({ example: '07:30', description: 'Local wall clock HH:MM' })
  @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'start must be a local time HH:MM' })
  start: string;

  @ApiProperty({ example: '11:30' })
  @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'end must be a local time HH:MM' })
  end: string;
}

/** An optional list of one to six office periods, each validated. */
const OfficePeriods = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: [OfficePeriodRequest], description }),
    IsOptional(),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(6),
    ValidateNested({ each: true }),
    Type(() => OfficePeriodRequest),
  );

export class RegisterUnitRequest {
  @ApiProperty({ example: 'H56.22' })
  @Matches(UNIT_CODE, { message: 'code must be a unit code (letters, digits and .)' })
  code!: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ enum: ['PROVINCE', 'DISTRICT', 'COMMUNE'] })
  @IsIn(['PROVINCE', 'DISTRICT', 'COMMUNE'])
  level!: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

  @ApiProperty({ enum: ['PEOPLES_COMMITTEE', 'SERVICE_CENTRE', 'DEPARTMENT', 'AGENCY'] })
  @IsIn(['PEOPLES_COMMITTEE', 'SERVICE_CENTRE', 'DEPARTMENT', 'AGENCY'])
  kind!: 'PEOPLES_COMMITTEE' | 'SERVICE_CENTRE' | 'DEPARTMENT' | 'AGENCY';

  @ApiPropertyOptional({ description: 'A registered unit' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'parent must be a unit code' })
  parent?: string;

  @ApiPropertyOptional({ type: [String], description: 'Units merged into this one' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(UNIT_CODE, { each: true, message: 'successorOf must be unit codes' })
  successorOf?: string[];

  @ApiProperty({ example: '2025-07-01T00:00:00+07:00' })
  @Matches(INSTANT, { message: instantMessage('validFrom') })
  validFrom!: string;

  @ApiPropertyOptional({ description: 'When the unit ceased to exist' })
  @IsOptional()
  @Matches(INSTANT, { message: instantMessage('validTo') })
  validTo?: string;

  @OfficePeriods("The unit's office hours on working days, the legal clock of its dossiers (default 07:30–11:30, 13:30–17:00)")
  officeHours?: OfficePeriodRequest[];

  @OfficePeriods('When its desk also receives on Saturdays (absent: it does not)')
  saturdayHours?: OfficePeriodRequest[];

  @ApiPropertyOptional({ description: 'Invented for demonstration (default false)' })
  @IsOptional()
  @IsBoolean()
  sample?: boolean;
}

export class ListProceduresQuery {
  @ApiPropertyOptional({ enum: ['PROVINCE', 'DISTRICT', 'COMMUNE'] })
  @IsOptional()
  @IsIn(['PROVINCE', 'DISTRICT', 'COMMUNE'])
  level?: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

  @ApiPropertyOptional({ enum: ['FULL', 'PARTIAL', 'NONE'] })
  @IsOptional()
  @IsIn(['FULL', 'PARTIAL', 'NONE'])
  serviceLevel?: 'FULL' | 'PARTIAL' | 'NONE';

  @ApiPropertyOptional({ description: 'Exact field, e.g. Hộ tịch' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  field?: string;

  @ApiPropertyOptional({ description: 'A unit that receives or handles the procedure' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unit must be a unit code' })
  unit?: string;

  @ApiPropertyOptional({ description: 'Part of the code or the name, in any case, with or without Vietnamese marks ("ly lich tu phap" finds "Lý lịch tư pháp")' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  text?: string;

  @ApiPropertyOptional({ description: 'Only procedures that issue (true) or do not issue (false) an electronic result' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'eResultAllowed must be true or false' })
  eResultAllowed?: boolean;

  @ApiPropertyOptional({ description: 'true: only procedures with a version in force now (what applicants can submit); false: only those without' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'inForce must be true or false' })
  inForce?: boolean;

  @ApiPropertyOptional({ enum: PROCEDURE_SORTS, default: 'code', description: 'name: by the name without marks, then code' })
  @IsOptional()
  @IsIn(PROCEDURE_SORTS)
  sort?: ProcedureSort;

  @ApiPropertyOptional({ description: 'The `next` of the previous page (same filters and sort); not with page' })
  @IsOptional()
  @IsCatalogueCursor()
  after?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class ListUnitsQuery {
  @ApiPropertyOptional({ enum: ['PROVINCE', 'DISTRICT', 'COMMUNE'] })
  @IsOptional()
  @IsIn(['PROVINCE', 'DISTRICT', 'COMMUNE'])
  level?: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'parent must be a unit code' })
  parent?: string;

  @ApiPropertyOptional({ description: 'Only units existing at this instant' })
  @IsOptional()
  @Matches(INSTANT, { message: instantMessage('existingAt') })
  existingAt?: string;

  @ApiPropertyOptional({ description: 'Part of the code or the name, with or without Vietnamese marks' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  text?: string;

  @ApiPropertyOptional({ description: 'Only the units that took this one over' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'successorOf must be a unit code' })
  successorOf?: string;
}
