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
