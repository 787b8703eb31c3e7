import { MinLength, IsString } from 'class-validator';
import { ServiceConfig } from '@motcua/platform';

export class IntakeConfig extends ServiceConfig {
  /** Key of the HMAC that turns an applicant's ID into the reference events carry. */
  @IsString({ message: 'APPLICANT_REF_KEY must be set (at least 32 characters)' })
  @MinLength(32, { message: 'APPLICANT_REF_KEY must be at least 32 characters' })
  APPLICANT_REF_KEY!: string;
}
