import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class ResultDocumentRequest {
  @ApiProperty({ description: 'Document id given by digitisation when the file was stored', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  documentId!: string;

  @ApiProperty({ maxLength: 300, example: 'Giấy chứng nhận quyền sử dụng đất' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiPropertyOptional({ description: 'SHA-256 of the file, lower-case hex' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256?: string;
}

export class ResolveCaseRequest {
  @ApiProperty({ enum: ['APPROVED', 'DENIED'] })
  @IsIn(['APPROVED', 'DENIED'])
  outcome!: 'APPROVED' | 'DENIED';

  @ApiProperty({
    type: [ResultDocumentRequest],
    description:
      'The result (at least one to approve a procedure that returns a document) or, for a denial, the written notice stating the reasons (always required)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ResultDocumentRequest)
  resultDocuments!: ResultDocumentRequest[];
}
