import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';

export class IssuePaperResultRequest {
  @ApiProperty({ description: 'Number printed on the paper result (số văn bản / số giấy)', maxLength: 100, example: 'GCN-CS-00421' })
  @IsString()
  @Length(1, 100)
  @Matches(/^\S(.*\S)?$/, { message: 'documentNumber must not start or end with spaces' })
  documentNumber!: string;
}

export class DeliverResultRequest {
  @ApiProperty({ enum: ['ONLINE', 'COUNTER', 'POSTAL'], description: 'ONLINE: a portal, after the applicant downloaded; COUNTER or POSTAL: the reception desk' })
  @IsIn(['ONLINE', 'COUNTER', 'POSTAL'])
  method!: 'ONLINE' | 'COUNTER' | 'POSTAL';
}

export class ReissueResultRequest {
  @ApiProperty({ description: 'The corrected document, uploaded to digitisation with purpose=RESULT: the id it answered', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  documentId!: string;

  @ApiProperty({ description: 'SHA-256 of the corrected file as digitisation answered it, lower-case hex; signed only if the stored file has it', example: 'b'.repeat(64) })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256!: string;
}

export class SwitchToPaperRequest {
  @ApiProperty({ description: 'Why the e-result is given up; kept in the result history. No personal data of the applicant', maxLength: 2000, example: 'Bản điện tử sai lệch, cấp bản giấy' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
