import { IsString, MinLength } from 'class-validator';
import { ServiceConfig } from '@motcua/platform';

export class IssuanceConfig extends ServiceConfig {
  /** Encrypts the signing keys' private halves at rest (AES-256-GCM); losing it loses the ability to sign, not to verify. */
  @IsString({ message: 'SIGNING_KEY_SECRET must be set (at least 32 characters)' })
  @MinLength(32, { message: 'SIGNING_KEY_SECRET must be at least 32 characters' })
  SIGNING_KEY_SECRET!: string;
}
