import { Kafka } from 'kafkajs';
import { Gauge, Registry } from 'prom-client';

export interface BrokerStatus {
  ready: boolean;
  detail?: string;
}

/**
 * Asks the cluster for its brokers every few seconds, on a connection of its own, so health and
 * `motcua_broker_up` say whether Kafka answers without waiting on a relay or consumer retry.
 */
export class BrokerMonitor {
  private current: BrokerStatus = { ready: false, detail: 'not checked yet' };
  private timer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | undefined;

  constructor(
    private readonly kafka: Kafka,
    metrics: Registry,
    private readonly intervalMs = 5_000,
  ) {
    const status = () => this.current;
    new Gauge({
      name: 'motcua_broker_up',
      help: 'Whether the Kafka cluster answered the last probe (1) or not (0); writes go on either way',
      registers: [metrics],
      collect() {
        this.set(status().ready ? 1 : 0);
      },
    });
  }

  status(): BrokerStatus {
    return this.current;
  }

  /** Probes once (so a service knows at start whether Kafka is there), then every interval. */
  async start(): Promise<void> {
    await this.probe();
    this.timer = setInterval(() => void this.probe(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.probing;
  }

  private probe(): Promise<void> {
    this.probing ??= this.ask().finally(() => (this.probing = undefined));
    return this.probing;
  }

  private async ask(): Promise<void> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      const { brokers } = await admin.describeCluster();
      this.current = { ready: true, detail: `${brokers.length} broker(s)` };
    } catch (error) {
      this.current = { ready: false, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
