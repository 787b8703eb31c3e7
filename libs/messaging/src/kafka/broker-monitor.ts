import { Kafka } from 'kafkajs';
import { Gauge, Registry } from 'prom-client';

export interface BrokerMonitorTiming {
  /** How often the cluster is asked. */
  intervalMs: number;
  /** How long a probe may wait before it counts as no answer: two intervals unless told. */
  silenceMs?: number;
}

export interface BrokerStatus {
  ready: boolean;
  detail?: string;
  /** When the broker last began to answer (epoch ms), while it does. */
  upSince?: number;
}

/**
 * Asks the cluster for its brokers every few seconds, on a connection of its own, so health and
 * `motcua_broker_up` say whether Kafka answers without waiting on a relay or consumer retry.
 */
export class BrokerMonitor {
  private current: BrokerStatus = { ready: false, detail: 'not checked yet' };
  private timer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | undefined;
  private probeStartedAt = 0;
  private readonly intervalMs: number;
  private readonly silenceMs: number;

  constructor(
    private readonly kafka: Kafka,
    metrics: Registry,
    timing: BrokerMonitorTiming = { intervalMs: 5_000 },
  ) {
    this.intervalMs = timing.intervalMs;
    this.silenceMs = timing.silenceMs ?? 2 * timing.intervalMs;
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

  /**
   * A broker that stopped answering without refusing (a hung process, a network partition) holds
   * a probe for as long as kafkajs's request timeout: a probe out for longer than the silence (two intervals) is no answer.
   */
  status(): BrokerStatus {
    const waiting = this.probing ? Date.now() - this.probeStartedAt : 0;
    if (waiting > this.silenceMs) return { ready: false, detail: `no answer for ${Math.round(waiting / 1000)} s` };
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
    if (!this.probing) this.probeStartedAt = Date.now();
    this.probing ??= this.ask().finally(() => (this.probing = undefined));
    return this.probing;
  }

  private async ask(): Promise<void> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      const { brokers } = await admin.describeCluster();
      // Up since the last answer that ended a silence: a probe that hung counts as one.
      const answeredAlong = Date.now() - this.probeStartedAt <= this.silenceMs;
      this.current = { ready: true, detail: `${brokers.length} broker(s)`, upSince: (answeredAlong ? this.current.upSince : undefined) ?? Date.now() };
    } catch (error) {
      this.current = { ready: false, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
