import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsPositive, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

const PORT_RANGE = 'PORT must be an integer between 0 and 65535 (0: any free port)';
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Environment every service reads at start. A service with more settings extends this class.
 * Property names are the variable names, so an error message names exactly what to fix.
 */
export class ServiceConfig {
  @IsOptional()
  @IsString()
  SERVICE_NAME?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: PORT_RANGE })
  @Min(0, { message: PORT_RANGE })
  @Max(65535, { message: PORT_RANGE })
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsOptional()
  @Matches(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS?: string;

  /** Prefix of this deployment's consumer groups, so that two environments can share a cluster. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,40}$/, { message: 'KAFKA_GROUP_NAMESPACE must be lower-case letters, digits and -' })
  KAFKA_GROUP_NAMESPACE?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' })
  LOG_LEVEL?: string;

  @IsString({ message: 'JWT_SECRET must be set (the key officer tokens are signed with)' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  /** `name:key` pairs, comma-separated: one per integrating portal. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]+:[^\s,:]{16,}(,[A-Za-z0-9._-]+:[^\s,:]{16,})*$/, {
    message: 'API_KEYS must be comma-separated name:key pairs with keys of at least 16 characters',
  })
  API_KEYS?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'CLOCK_EPOCH must be an ISO-8601 instant' })
  CLOCK_EPOCH?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsPositive({ message: 'CLOCK_SPEED must be a positive number' })
  CLOCK_SPEED?: number;

  @ValidateIf((config: ServiceConfig) => config.CLOCK_EPOCH !== undefined || config.CLOCK_REAL_START !== undefined)
  @IsISO8601({ strict: true }, { message: 'CLOCK_REAL_START must be an ISO-8601 instant (set once by whoever starts the services)' })
  CLOCK_REAL_START?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'BODY_LIMIT_BYTES must be an integer of at least 1024' })
  @Min(1024, { message: 'BODY_LIMIT_BYTES must be an integer of at least 1024' })
  BODY_LIMIT_BYTES?: number;
}
