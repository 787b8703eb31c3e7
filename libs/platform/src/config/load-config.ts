import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { productionProblems } from './production-checks';
import { ServiceConfig } from './service-config';

/** A service cannot start with this configuration; the message says which variables and why. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

export type ConfigClass<C extends ServiceConfig> = new () => C;

export function loadConfig<C extends ServiceConfig>(type: ConfigClass<C>, env: NodeJS.ProcessEnv = process.env): C {
  const known = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(type, known, { excludeExtraneousValues: false });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigurationError(errors.flatMap(describe));
  const unsafe = productionProblems(config, known);
  if (unsafe.length > 0) throw new ConfigurationError(unsafe);
  return config;
}

function describe(error: ValidationError): string[] {
  const messages = Object.values(error.constraints ?? {});
  return messages.length > 0 ? [messages[0]] : [`${error.property} is not valid`];
}
