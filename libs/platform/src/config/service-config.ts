import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsPositive, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

const PORT_RANGE = 'PORT must be an integer between 0 and 65535 (0: any free port)';
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const OIDC_TOGETHER = 'OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL are set together (all three or none)';
const anyOidc = (c: ServiceConfig) => c.OIDC_ISSUER !== undefined || c.OIDC_AUDIENCE !== undefined || c.OIDC_JWKS_URL !== undefined;

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

  /** Prefix of this deployment's topic names (libs/contracts topics.ts), so that two environments can share a cluster. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,40}$/, { message: 'KAFKA_TOPIC_NAMESPACE must be lower-case letters, digits and -' })
  KAFKA_TOPIC_NAMESPACE?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' })
  LOG_LEVEL?: string;

  /** `production` turns on the checks of production-checks.ts. */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /** Development only: the HS256 key of officer tokens when no identity provider is configured. */
  @ValidateIf((c: ServiceConfig) => c.JWT_SECRET !== undefined || !anyOidc(c))
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  @IsString({ message: 'JWT_SECRET must be set (the key development officer tokens are signed with) unless OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL are' })
  JWT_SECRET?: string;

  /** The identity provider that issues officer tokens: its `iss`, the `aud` it gives this system, and where its signing keys are published. */
  @ValidateIf(anyOidc)
  @Matches(/^https?:\/\/[^\s]+$/, { message: `OIDC_ISSUER must be the identity provider's issuer URL; ${OIDC_TOGETHER}` })
  OIDC_ISSUER?: string;

  @ValidateIf(anyOidc)
  @IsString({ message: `OIDC_AUDIENCE must name this system as the tokens' audience; ${OIDC_TOGETHER}` })
  @MinLength(1, { message: `OIDC_AUDIENCE must name this system as the tokens' audience; ${OIDC_TOGETHER}` })
  OIDC_AUDIENCE?: string;

  @ValidateIf(anyOidc)
  @Matches(/^https?:\/\/[^\s]+$/, { message: `OIDC_JWKS_URL must be the http(s) URL of the provider's JSON Web Key Set; ${OIDC_TOGETHER}` })
  OIDC_JWKS_URL?: string;

  /**
   * The reverse proxies whose X-Forwarded-* headers are believed: comma-separated addresses or
   * CIDR ranges, or a hop count. Unset, the connection's own address is the client's.
   */
  @IsOptional()
  @Matches(/^(\d{1,2}|[0-9A-Fa-f.:/]+(,[0-9A-Fa-f.:/]+)*)$/, { message: 'TRUST_PROXY must be comma-separated proxy addresses or CIDR ranges, or a number of hops' })
  TRUST_PROXY?: string;

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
