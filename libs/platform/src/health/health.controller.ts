import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { HealthReport, ReadinessRegistry } from './readiness';

/**
 * Ready means "send me requests": the service can write to PostgreSQL and its own parts work.
 * Kafka and the relay are optional components — with the broker down, writes still land in the
 * event store (the outbox) and are published when it returns — so they degrade the service,
 * never take it out of the load balancer. A consumer counts as required while the broker answers
 * (its absence is then this instance's fault), as optional while the broker is away.
 */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  /** The process is up; says nothing about its dependencies. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** 200 with status ok or degraded; 503 while a required component (PostgreSQL, a consumer while Kafka answers) is down. */
  @Get('ready')
  async ready(): Promise<HealthReport> {
    const report = await this.readiness.evaluate();
    if (report.status === 'error') throw new ServiceUnavailableException(report);
    return report;
  }
}
