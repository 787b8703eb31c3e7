import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsString, Length } from 'class-validator';

export class RejectDossierRequest {
  @ApiProperty({ description: 'Told to the applicant (Mẫu 03); no personal data', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class ReturnForSupplementRequest {
  @ApiProperty({ description: 'Everything missing, in one request (Mẫu 02)', type: [String] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  missing!: string[];
}
