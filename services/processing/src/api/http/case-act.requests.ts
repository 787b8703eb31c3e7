import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

/** Free text an officer writes; told to the applicant, so it must not quote personal data. */
export class ReasonRequest {
  @ApiProperty({ maxLength: 2000, example: 'Chờ kết quả xác minh của cơ quan thuế' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class AssignCaseRequest {
  @ApiProperty({ description: 'Department of the current agency that takes the step', example: 'phong-dang-ky-dat-dai' })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'department must be a department code (letters, digits, . _ -)' })
  department!: string;

  @ApiProperty({ description: "The officer's identity, as in their token's subject", maxLength: 100 })
  @IsString()
  @Length(1, 100)
  officerId!: string;
}

export class RequestSupplementRequest {
  @ApiProperty({ description: 'Everything missing, in one request: a second request makes the dossier late (766)', type: [String] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  missing!: string[];
}

export class StopProcessingRequest extends ReasonRequest {
  @ApiPropertyOptional({
    enum: ['NON_PAYMENT', 'OTHER'],
    default: 'OTHER',
    description: 'NON_PAYMENT only while the case waits for a payment whose request expired unpaid (422 CASE.PAYMENT_NOT_OVERDUE otherwise)',
  })
  @IsOptional()
  @IsIn(['NON_PAYMENT', 'OTHER'])
  ground?: 'NON_PAYMENT' | 'OTHER';
}
