import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { ComponentRequest, SubmitDossierRequest } from './submit-dossier.request';

/** A dossier brought to the counter or received by post, registered and received in one act. */
export class RegisterAtDeskRequest extends SubmitDossierRequest {
  @ApiProperty({ enum: ['COUNTER', 'POSTAL'] })
  @IsIn(['COUNTER', 'POSTAL'])
  channel!: 'COUNTER' | 'POSTAL';
}

export class ProvideSupplementRequest {
  @ApiProperty({ type: [ComponentRequest], description: 'The documents brought; a component replaces the one with the same id' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ComponentRequest)
  components!: ComponentRequest[];
}

export class WithdrawDossierRequest {
  @ApiPropertyOptional({ description: "The applicant's reason; no personal data", maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
