import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '@motcua/platform';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class PaymentConfig extends ServiceConfig {
  /** Base URL of the payment platform's merchant API (the simulated one in development). */
  @IsUrl(URL_OPTIONS, { message: 'PAYMENT_PLATFORM_URL must be an http(s) URL' })
  PAYMENT_PLATFORM_URL!: string;

  /** This merchant's key at the platform. */
  @IsString({ message: 'PAYMENT_PLATFORM_API_KEY must be set (at least 16 characters)' })
  @MinLength(16, { message: 'PAYMENT_PLATFORM_API_KEY must be at least 16 characters' })
  PAYMENT_PLATFORM_API_KEY!: string;

  /** Where the platform sends its signed callbacks: this service's POST /v1/payment-callbacks, as the platform reaches it. */
  @IsUrl(URL_OPTIONS, { message: 'PAYMENT_CALLBACK_URL must be an http(s) URL' })
  PAYMENT_CALLBACK_URL!: string;

  /** Signing secrets in force, comma-separated: two during a rotation (the new one first). */
  @Matches(/^[^\s,]{32,}(,[^\s,]{32,})*$/, { message: 'PAYMENT_CALLBACK_SECRETS must be comma-separated secrets of at least 32 characters' })
  PAYMENT_CALLBACK_SECRETS!: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PAYMENT_CALLBACK_TOLERANCE_SECONDS must be an integer from 1 to 3600' })
  @Min(1, { message: 'PAYMENT_CALLBACK_TOLERANCE_SECONDS must be an integer from 1 to 3600' })
  @Max(3600, { message: 'PAYMENT_CALLBACK_TOLERANCE_SECONDS must be an integer from 1 to 3600' })
  PAYMENT_CALLBACK_TOLERANCE_SECONDS?: number;

  /** How long a payment request stays open, in wall-clock hours of domain time. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PAYMENT_EXPIRY_HOURS must be an integer from 1 to 720' })
  @Min(1, { message: 'PAYMENT_EXPIRY_HOURS must be an integer from 1 to 720' })
  @Max(720, { message: 'PAYMENT_EXPIRY_HOURS must be an integer from 1 to 720' })
  PAYMENT_EXPIRY_HOURS?: number;

  /** How often the expiry and refund passes run. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PAYMENT_WORK_INTERVAL_MS must be an integer of at least 50' })
  @Min(50, { message: 'PAYMENT_WORK_INTERVAL_MS must be an integer of at least 50' })
  PAYMENT_WORK_INTERVAL_MS?: number;
}

/** The settings with their defaults applied, for the code that uses them. */
export interface PaymentSettings {
  platformUrl: string;
  platformApiKey: string;
  callbackUrl: string;
  callbackSecrets: string[];
  toleranceSeconds: number;
  expiryHours: number;
  workIntervalMs: number;
}

export const PAYMENT_SETTINGS = Symbol('PAYMENT_SETTINGS');

export function paymentSettings(config: PaymentConfig): PaymentSettings {
  return {
    platformUrl: config.PAYMENT_PLATFORM_URL.replace(/\/+$/, ''),
    platformApiKey: config.PAYMENT_PLATFORM_API_KEY,
    callbackUrl: config.PAYMENT_CALLBACK_URL,
    callbackSecrets: config.PAYMENT_CALLBACK_SECRETS.split(','),
    toleranceSeconds: config.PAYMENT_CALLBACK_TOLERANCE_SECONDS ?? 300,
    expiryHours: config.PAYMENT_EXPIRY_HOURS ?? 24,
    workIntervalMs: config.PAYMENT_WORK_INTERVAL_MS ?? 30_000,
  };
}
