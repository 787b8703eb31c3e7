import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateBy } from 'class-validator';
import { GROUP_KEYS, INDICATOR_IDS, PERIOD_KINDS, type GroupKey, type IndicatorId, type PeriodKind } from '../../domain/indicators';
import { IsPageCursor, isLocalDate, IsPeriodRange, IsSinglePeriod } from './statistics-range';

export const GROUP_KEY_LIST = Object.keys(GROUP_KEYS) as GroupKey[];
export const UNIT_BASES = ['successor', 'reception'] as const;
export type UnitBasis = (typeof UNIT_BASES)[number];

const UNIT_CODE = /^[A-Za-z0-9.]{1,40}$/;
/** `a,b` and `?x=a&x=b` both give a list. */
const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value);
const IsLocalDate = () => ValidateBy({ name: 'isLocalDate', validator: { validate: isLocalDate, defaultMessage: (a) => `${a?.property} must be a calendar date YYYY-MM-DD (Asia/Ho_Chi_Minh)` } });

/** What both statistics endpoints take: the dates, the period kind and whose units to count. */
class StatisticsRange {
  @ApiProperty({ example: '2025-01-01', description: 'First local date (inclusive); the whole period containing it is reported' })
  @IsLocalDate()
  from!: string;

  @ApiPropertyOptional({ enum: PERIOD_KINDS, default: 'month' })
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  period?: PeriodKind;

  @ApiPropertyOptional({ enum: UNIT_BASES, default: 'successor', description: "Count a unit's dossiers by the unit that carries them today (successor) or by the unit that received them (reception)" })
  @IsOptional()
  @IsIn(UNIT_BASES)
  units?: UnitBasis;
}

export class IndicatorsRequest extends StatisticsRange {
  @ApiProperty({ example: '2025-05-31', description: 'Last local date (inclusive), not before from; at most 366 days, 120 months, 40 quarters or 20 years' })
  @IsLocalDate()
  @IsPeriodRange()
  to!: string;

  @ApiPropertyOptional({ type: String, example: 'unit,procedure', description: `Comma-separated: ${GROUP_KEY_LIST.join(', ')}; none gives one row per period` })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(GROUP_KEY_LIST.length)
  @IsIn(GROUP_KEY_LIST, { each: true })
  groupBy?: GroupKey[];

  @ApiPropertyOptional({ type: String, example: 'on_time,online_share', description: `Comma-separated indicator ids (default: all): ${INDICATOR_IDS.join(', ')}` })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(INDICATOR_IDS.length)
  @IsIn(INDICATOR_IDS, { each: true })
  indicator?: IndicatorId[];

  @ApiPropertyOptional({ example: 'H56.22', description: "Only this unit and those under it (default: the caller's own; ADMIN: every unit)" })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unit must be a unit code (letters, digits and .)' })
  unit?: string;
}

/** One figure of the report: its period (from and to inside it) and its group's values. */
export class DrillDownRequest extends StatisticsRange {
  @ApiProperty({ example: '2025-01-31', description: 'Last local date, in the same period as from: a drill-down lists the dossiers behind one figure' })
  @IsLocalDate()
  @IsSinglePeriod()
  to!: string;

  @ApiProperty({ enum: ['numerator', 'denominator'] })
  @IsIn(['numerator', 'denominator'])
  side!: 'numerator' | 'denominator';

  @ApiPropertyOptional({ example: 'H56.22', description: 'Unit at reception (the row group `unit`)' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unit must be a unit code (letters, digits and .)' })
  unit?: string;

  @ApiPropertyOptional({ example: 'H56.22', description: 'Successor unit today (the row group `successorUnit`)' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'successorUnit must be a unit code (letters, digits and .)' })
  successorUnit?: string;

  @ApiPropertyOptional({ description: 'Department or agency (the row group `department`)' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'department must be a unit code (letters, digits and .)' })
  department?: string;

  @ApiPropertyOptional({ example: '1.001612' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9.\-_]{1,40}$/, { message: 'procedure must be a procedure code such as 1.001612' })
  procedure?: string;

  @ApiPropertyOptional({ example: 'Hộ tịch' })
  @IsOptional()
  @Matches(/^[^\p{Cc}]{1,200}$/u, { message: 'field must be a procedure field of 1 to 200 characters' })
  field?: string;

  @ApiPropertyOptional({ enum: ['ONLINE', 'COUNTER', 'POSTAL'] })
  @IsOptional()
  @IsIn(['ONLINE', 'COUNTER', 'POSTAL'])
  channel?: 'ONLINE' | 'COUNTER' | 'POSTAL';

  @ApiPropertyOptional({ description: 'The `next` of the previous page' })
  @IsOptional()
  @IsPageCursor()
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
