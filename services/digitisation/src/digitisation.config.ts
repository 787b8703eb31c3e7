import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '@motcua/platform';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const MAX_BYTES = 'DOCUMENT_MAX_BYTES must be an integer from 1024 to 1073741824';

export const DEFAULT_DOCUMENTS_DIR = '.data/documents';
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export class DigitisationConfig extends ServiceConfig {
  /** Key of the HMAC that turns an applicant's ID into the reference events carry (the same key as intake's). */
  @IsString({ message: 'APPLICANT_REF_KEY must be set (at least 32 characters)' })
  @MinLength(32, { message: 'APPLICANT_REF_KEY must be at least 32 characters' })
  APPLICANT_REF_KEY!: string;

  /** Where the local store keeps documents by content hash (default .data/documents). */
  @IsOptional()
  @IsString()
  DOCUMENTS_DIR?: string;

  /** Largest file an upload or a scan may be (default 20 MiB); larger ones are refused with 413. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: MAX_BYTES })
  @Min(1024, { message: MAX_BYTES })
  @Max(1024 * 1024 * 1024, { message: MAX_BYTES })
  DOCUMENT_MAX_BYTES?: number;
}
