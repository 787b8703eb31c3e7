import { Gauge, Registry } from 'prom-client';

export interface ComponentCheck {
  ready: boolean;
  detail?: string;
  /**
   * The role of this answer, when it is not the indicator's: a consumer is required, but while it
   * waits for a broker that is away (everyone's outage, not this instance's) it only degrades.
   */
  role?: 'required' | 'optional';
}

export interface ReadinessIndicator {
  name: string;
  /**
   * `required` (the default): without it the service cannot take requests, so it is not ready.
   * `optional`: work that needs it waits and resumes by itself (the relay and consumers wait for
   * Kafka: the event store is the outbox), so the service stays ready and reports itself degraded.
   */
  role?: 'required' | 'optional';
  check(): ComponentCheck | Promise<ComponentCheck>;
}

export type ComponentStatus = 'up' | 'degraded' | 'down';

export interface HealthReport {
  /** ok: all up; degraded: an optional component is not (still ready); error: a required one is not. */
  status: 'ok' | 'degraded' | 'error';
  details: Record<string, { status: ComponentStatus; detail?: string }>;
}

/**
 * The components a service's health is made of: PostgreSQL (required), and whatever libraries
 * register (Kafka, the relay, consumers). Evaluated on each readiness probe and each scrape.
 */
export class ReadinessRegistry {
  private readonly indicators: ReadinessIndicator[] = [];

  constructor(metrics?: Registry) {
    if (metrics) this.registerGauge(metrics);
  }

  register(indicator: ReadinessIndicator): void {
    this.indicators.push(indicator);
  }

  all(): readonly ReadinessIndicator[] {
    return this.indicators;
  }

  async evaluate(): Promise<HealthReport> {
    const results = await Promise.all(
      this.indicators.map(async (indicator) => {
        const { ready, detail, role = indicator.role } = await Promise.resolve()
          .then(() => indicator.check())
          .catch((error: unknown): ComponentCheck => ({ ready: false, detail: error instanceof Error ? error.message : String(error) }));
        const status: ComponentStatus = ready ? 'up' : role === 'optional' ? 'degraded' : 'down';
        return [indicator.name, { status, ...(detail ? { detail } : {}) }] as const;
      }),
    );
    const details = Object.fromEntries(results);
    const statuses = results.map(([, result]) => result.status);
    const status = statuses.includes('down') ? 'error' : statuses.includes('degraded') ? 'degraded' : 'ok';
    return { status, details };
  }

  private registerGauge(metrics: Registry): void {
    const evaluate = () => this.evaluate();
    const indicators = () => this.indicators;
    new Gauge({
      name: 'motcua_component_up',
      help: 'Each component the service depends on: 1 up, 0 not (a required one makes the service not ready; an optional one degraded)',
      labelNames: ['component', 'role'],
      registers: [metrics],
      async collect() {
        const { details } = await evaluate();
        for (const { name, role = 'required' } of indicators()) this.set({ component: name, role }, details[name]?.status === 'up' ? 1 : 0);
      },
    });
  }
}
