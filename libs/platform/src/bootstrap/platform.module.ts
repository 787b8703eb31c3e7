import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { PgDatabase } from '@motcua/event-store';
import { LoggerModule } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { ApiKeys } from '../auth/api-keys';
import { API_KEYS, AuthGuard, OFFICER_TOKENS } from '../auth/auth.guard';
import { officerTokenVerifier } from '../auth/officer-token-verifier';
import { CLOCK, clockFrom } from '../clock/clock';
import { ConfigClass, loadConfig } from '../config/load-config';
import { ServiceConfig } from '../config/service-config';
import { DATABASE, openDatabase } from '../database/database.provider';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createValidationPipe } from '../errors/validation.pipe';
import { HealthController } from '../health/health.controller';
import { databaseIndicator } from '../health/database.indicator';
import { ReadinessRegistry } from '../health/readiness';
import { loggingParams } from '../logging/logging';
import { createMetricsRegistry, METRICS, MetricsController } from '../metrics/metrics';
import { flushSpans } from '../tracing/flush-spans';

export const CONFIG = Symbol('CONFIG');

export interface PlatformOptions<C extends ServiceConfig> {
  service: string;
  config?: ConfigClass<C>;
  env?: NodeJS.ProcessEnv;
}

/**
 * What every service shares: validated config, the clock, the database, logging with redaction,
 * problem+json errors, validation, authentication, health and metrics.
 */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: PgDatabase) {}

  static forRoot<C extends ServiceConfig>(options: PlatformOptions<C>): DynamicModule {
    // Everything is built in factories, at application creation: importing a module must never
    // read the environment (main.ts reports a bad configuration itself, in one line).
    const configProvider = {
      provide: CONFIG,
      useFactory: () => loadConfig(options.config ?? (ServiceConfig as ConfigClass<C>), options.env ?? process.env),
    };
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRootAsync({
          providers: [configProvider],
          inject: [CONFIG],
          useFactory: (config: ServiceConfig) => loggingParams(options.service, config.LOG_LEVEL),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        configProvider,
        { provide: CLOCK, inject: [CONFIG], useFactory: (c: ServiceConfig) => clockFrom({ clockEpoch: c.CLOCK_EPOCH, clockSpeed: c.CLOCK_SPEED, clockRealStart: c.CLOCK_REAL_START }) },
        { provide: DATABASE, inject: [CONFIG], useFactory: (c: ServiceConfig) => openDatabase(c.DATABASE_URL) },
        { provide: METRICS, useFactory: () => createMetricsRegistry(options.service) },
        { provide: API_KEYS, inject: [CONFIG], useFactory: (c: ServiceConfig) => new ApiKeys(c.API_KEYS) },
        { provide: OFFICER_TOKENS, inject: [CONFIG], useFactory: officerTokenVerifier },
        {
          provide: ReadinessRegistry,
          inject: [DATABASE, METRICS],
          useFactory: (db: PgDatabase, metrics: { registry: Registry }) => {
            const readiness = new ReadinessRegistry(metrics.registry);
            readiness.register(databaseIndicator(db));
            return readiness;
          },
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [CONFIG, CLOCK, DATABASE, METRICS, ReadinessRegistry],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
    await flushSpans();
  }
}
