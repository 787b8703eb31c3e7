import { Injectable } from '@nestjs/common';

export interface ReadinessIndicator {
  name: string;
  check(): { ready: boolean; detail?: string } | Promise<{ ready: boolean; detail?: string }>;
}

/** Components that can make a service not ready (Kafka consumers, the relay) register here. */
@Injectable()
export class ReadinessRegistry {
  private readonly indicators: ReadinessIndicator[] = [];

  register(indicator: ReadinessIndicator): void {
    this.indicators.push(indicator);
  }

  all(): readonly ReadinessIndicator[] {
    return this.indicators;
  }
}
