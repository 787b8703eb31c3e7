import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { PgDatabase } from '@motcua/event-store';
import { Public } from '../auth/auth.decorators';
import { DATABASE } from '../database/database.provider';
import { ReadinessRegistry } from './readiness';

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
    @Inject(DATABASE) private readonly db: PgDatabase,
  ) {}

  /** The process is up; says nothing about its dependencies. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** 503 until the database answers and every registered component (consumers, relay) is ready. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('database');
        try {
          await this.db.query('select 1');
          return indicator.up();
        } catch {
          return indicator.down({ message: 'PostgreSQL does not answer' });
        }
      },
      ...this.readiness.all().map((component) => async () => {
        const indicator = this.indicators.check(component.name);
        const { ready, detail } = await component.check();
        return ready ? indicator.up(detail ? { detail } : {}) : indicator.down(detail ? { detail } : {});
      }),
    ]);
  }
}
