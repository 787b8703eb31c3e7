import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsString, Length, Max, Min, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';

/** 100 billion VND: far above any administrative fee, low enough to catch a misplaced decimal. */
export const MAX_VND = 100_000_000_000;
export const ONLINE_RULES = ['NONE', 'EXEMPT', 'DISCOUNT_PERCENT', 'FIXED_AMOUNT'] as const;

/** A property that only one online rule takes (a percent on an exemption is a mistake, not noise). */
const OnlyWithRule = (rule: (typeof ONLINE_RULES)[number]) =>
  ValidateBy({
    name: 'onlyWithRule',
    validator: { validate: (_value, args) => (args?.object as OnlineFeeRuleRequest).rule === rule, defaultMessage: (args) => `${args?.property} applies only to rule ${rule}` },
  });

export class OnlineFeeRuleRequest {
  @ApiProperty({ enum: ONLINE_RULES, description: 'What the item costs when the dossier is submitted online' })
  @IsIn(ONLINE_RULES)
  rule!: (typeof ONLINE_RULES)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: 'DISCOUNT_PERCENT only' })
  @ValidateIf((o: OnlineFeeRuleRequest) => o.rule === 'DISCOUNT_PERCENT' || o.percent !== undefined)
  @IsInt()
  @Min(1)
  @Max(100)
  @OnlyWithRule('DISCOUNT_PERCENT')
  percent?: number;

  @ApiPropertyOptional({ description: 'FIXED_AMOUNT only: the online price in VND' })
  @ValidateIf((o: OnlineFeeRuleRequest) => o.rule === 'FIXED_AMOUNT' || o.amount !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_VND)
  @OnlyWithRule('FIXED_AMOUNT')
  amount?: number;
}

export class FeeRequest {
  @ApiProperty({ example: 'LLTP' })
  @IsString()
  @Length(1, 100)
  code!: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ enum: ['FEE', 'CHARGE'], description: 'phí (FEE) or lệ phí (CHARGE)' })
  @IsIn(['FEE', 'CHARGE'])
  kind!: 'FEE' | 'CHARGE';

  @ApiProperty({ example: 200000, description: 'Integer VND' })
  @IsInt()
  @Min(0)
  @Max(MAX_VND)
  amount!: number;

  @ApiProperty({ type: OnlineFeeRuleRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => OnlineFeeRuleRequest)
  online!: OnlineFeeRuleRequest;
}
