import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

export class ApplicantRequest {
  @ApiProperty({ enum: ['INDIVIDUAL', 'ORGANISATION'] })
  @IsIn(['INDIVIDUAL', 'ORGANISATION'])
  kind!: 'INDIVIDUAL' | 'ORGANISATION';

  @ApiProperty({ description: '12-digit citizen ID (individual) or tax code (organisation)' })
  @Matches(/^\d{10,12}(-\d{3})?$/, { message: 'identifier must be a citizen ID or a tax code' })
  identifier!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?\d{9,15}$/, { message: 'phone must be 9 to 15 digits' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;
}

export class ComponentRequest {
  @ApiProperty({ description: "The catalogue's required-document id this component answers" })
  @Matches(/^[A-Za-z0-9._-]{1,60}$/, { message: 'componentId must be a short identifier' })
  componentId!: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ enum: ['ELECTRONIC', 'PAPER', 'REUSED'] })
  @IsIn(['ELECTRONIC', 'PAPER', 'REUSED'])
  provenance!: 'ELECTRONIC' | 'PAPER' | 'REUSED';

  @ApiPropertyOptional({ description: 'Document id returned by digitisation for an uploaded file' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  documentId?: string;

  @ApiPropertyOptional({ description: "A document of the applicant's repository to reuse" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  repositoryDocumentId?: string;
}

export class SubmitDossierRequest {
  @ApiProperty({ example: 'SAMPLE.LLTP.01' })
  @IsString()
  @Length(1, 50)
  procedureCode!: string;

  @ApiProperty({ example: 'H56.10', description: 'The receiving unit' })
  @Matches(/^[A-Za-z0-9.]{1,40}$/, { message: 'unit must be an administrative unit code' })
  unit!: string;

  @ApiProperty({ type: ApplicantRequest })
  @ValidateNested()
  @Type(() => ApplicantRequest)
  applicant!: ApplicantRequest;

  @ApiProperty({ type: [ComponentRequest] })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ComponentRequest)
  components!: ComponentRequest[];

  @ApiProperty({ enum: ['ONLINE', 'COUNTER', 'POSTAL'] })
  @IsIn(['ONLINE', 'COUNTER', 'POSTAL'])
  delivery!: 'ONLINE' | 'COUNTER' | 'POSTAL';
}
